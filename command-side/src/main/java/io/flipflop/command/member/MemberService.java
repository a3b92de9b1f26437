package io.flipflop.command.member;

import io.flipflop.api.member.AddFollowing;
import io.flipflop.api.member.AddFriend;
import io.flipflop.api.member.DeleteMember;
import io.flipflop.api.member.MemberProfile;
import io.flipflop.api.member.MemberTokens;
import io.flipflop.api.member.ProfileField;
import io.flipflop.api.member.RegisterMember;
import io.flipflop.api.member.RemoveFollowing;
import io.flipflop.api.member.RemoveFriend;
import io.flipflop.api.member.UpdateMemberProfile;
import io.flipflop.command.streamkey.StreamKeyStrings;
import io.flipflop.command.token.TokenIssuer;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.ids.IdGenerator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The member writes of the App API, always within the authenticated app. The directory, the id generator and
 * the command handlers block, so everything runs on the bounded-elastic scheduler, never on the event loop.
 */
@Service
public class MemberService {

    /**
     * A guest's appUserId is this plus its member id. The hyphen breaks the letters-and-digits rule of app-given
     * ids, so no app can log a real user in under a guest's id and get the guest's member.
     */
    private static final String GUEST_PREFIX = "guest-";

    private final CommandGateway commandGateway;
    private final MemberDirectory directory;
    private final IdGenerator ids;
    private final StreamKeyStrings streamKeys;
    private final TokenIssuer tokens;

    public MemberService(CommandGateway commandGateway, MemberDirectory directory, IdGenerator ids,
                         StreamKeyStrings streamKeys, TokenIssuer tokens) {
        this.commandGateway = commandGateway;
        this.directory = directory;
        this.ids = ids;
        this.streamKeys = streamKeys;
        this.tokens = tokens;
    }

    /** Member login: registers the member (and its stream key) the first time, else syncs the given fields. */
    public Mono<MemberTokens> logIn(long appId, String appUserId, MemberProfile profile) {
        return upsert(appId, appUserId, profile).flatMap(this::issueTokens);
    }

    public Mono<MemberTokens> logInAsGuest(long appId) {
        return Mono.fromCallable(() -> claimGuest(appId))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(this::<MemberState>send)
                .flatMap(this::issueTokens);
    }

    /**
     * Registers the member, or sets the given (non-null) profile fields of the existing one: a first login,
     * a repeated one and one racing another all end at the same member.
     */
    public Mono<MemberState> upsert(long appId, String appUserId, MemberProfile profile) {
        return upsert(appId, appUserId, profile, true);
    }

    /** {@code fields} lists the fields to set; a listed field whose value is null is cleared. */
    public Mono<MemberState> update(long appId, String appUserId, MemberProfile values, Set<ProfileField> fields) {
        return Mono.fromCallable(() -> directory.find(appId, appUserId).orElseThrow(MemberService::memberNotFound))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(entry -> this.<MemberState>send(new UpdateMemberProfile(entry.memberId(), values, fields)))
                // claimed by a first login that died before the member was registered
                .onErrorMap(AggregateNotFoundException.class, e -> memberNotFound());
    }

    /** Deletes the members that exist; the others are ignored (reference §5.7 documents no error). */
    public Mono<Void> delete(long appId, List<String> appUserIds) {
        return Flux.fromIterable(appUserIds)
                .concatMap(appUserId -> Mono.fromCallable(() -> directory.find(appId, appUserId).orElse(null))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(entry -> send(new DeleteMember(entry.memberId()))
                                .onErrorResume(MemberService::isGone, e -> Mono.empty())
                                // frees the appUserId, so a later login makes a new member
                                .then(Mono.fromRunnable(() -> directory.release(appId, appUserId, entry.memberId()))
                                        .subscribeOn(Schedulers.boundedElastic()))))
                .then();
    }

    /** {@code appUserId} follows {@code otherAppUserId}; a no-op when it already does. */
    public Mono<Void> follow(long appId, String appUserId, String otherAppUserId) {
        return relate(appId, appUserId, otherAppUserId,
                (member, other) -> send(new AddFollowing(member.memberId(), other.memberId(), otherAppUserId)));
    }

    /** {@code appUserId} stops following {@code otherAppUserId}; a no-op when it does not follow it. */
    public Mono<Void> unfollow(long appId, String appUserId, String otherAppUserId) {
        return relate(appId, appUserId, otherAppUserId,
                (member, other) -> send(new RemoveFollowing(member.memberId(), other.memberId(), otherAppUserId)));
    }

    /**
     * Makes the two members friends, recorded on both, one after the other. Each side is idempotent, so if the
     * second fails, repeating the request completes the friendship.
     */
    public Mono<Void> befriend(long appId, String appUserId, String otherAppUserId) {
        return relate(appId, appUserId, otherAppUserId,
                (member, other) -> send(new AddFriend(member.memberId(), other.memberId(), otherAppUserId))
                        .then(send(new AddFriend(other.memberId(), member.memberId(), appUserId))));
    }

    /** Ends the friendship on both sides; a no-op for members that are not friends. */
    public Mono<Void> unfriend(long appId, String appUserId, String otherAppUserId) {
        return relate(appId, appUserId, otherAppUserId,
                (member, other) -> send(new RemoveFriend(member.memberId(), other.memberId(), otherAppUserId))
                        .then(send(new RemoveFriend(other.memberId(), member.memberId(), appUserId))));
    }

    /** Finds both members within the app (404 {@code MEMBER_NOT_FOUND} for either) and sends the commands. */
    private Mono<Void> relate(long appId, String appUserId, String otherAppUserId,
                              BiFunction<MemberDirectory.Entry, MemberDirectory.Entry, Mono<?>> commands) {
        return Mono.fromCallable(() -> new Related(
                        directory.find(appId, appUserId).orElseThrow(MemberService::memberNotFound),
                        directory.find(appId, otherAppUserId).orElseThrow(MemberService::memberNotFound)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(related -> commands.apply(related.member(), related.other()))
                // claimed by a first login that died before the member was registered
                .onErrorMap(AggregateNotFoundException.class, e -> memberNotFound())
                .then();
    }

    private record Related(MemberDirectory.Entry member, MemberDirectory.Entry other) {
    }

    private Mono<MemberState> upsert(long appId, String appUserId, MemberProfile profile, boolean mayReclaim) {
        return Mono.fromCallable(() -> {
                    // checked before the claim, so an invalid request leaves nothing behind
                    MemberRules.checkAppUserId(appUserId);
                    MemberRules.checkProfile(profile);
                    var entry = directory.claim(appId, appUserId,
                            () -> new MemberDirectory.Entry(ids.nextId(), ids.nextId()));
                    return new RegisterMember(entry.memberId(), appId, appUserId, profile, entry.guest(),
                            entry.streamKeyId(), entry.guest() ? null : streamKeys.newStreamKey());
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(command -> this.<MemberState>send(command)
                        .onErrorResume(e -> mayReclaim && isGone(e), e -> reclaim(command, profile)));
    }

    /**
     * The directory still names a member that was deleted, because the process died between the delete and the
     * release: release it now and start over with new ids.
     */
    private Mono<MemberState> reclaim(RegisterMember stale, MemberProfile profile) {
        return Mono.fromRunnable(() -> directory.release(stale.appId(), stale.appUserId(), stale.memberId()))
                .subscribeOn(Schedulers.boundedElastic())
                .then(upsert(stale.appId(), stale.appUserId(), profile, false));
    }

    /** Member ids are unique and no app-given id looks like a guest's, so the claim is always this guest's. */
    private RegisterMember claimGuest(long appId) {
        var entry = new MemberDirectory.Entry(ids.nextId(), null);
        String appUserId = GUEST_PREFIX + entry.memberId();
        if (!directory.claim(appId, appUserId, () -> entry).equals(entry)) {
            throw new IllegalStateException("Guest appUserId " + appUserId + " of app " + appId + " is taken");
        }
        return new RegisterMember(entry.memberId(), appId, appUserId, MemberProfile.EMPTY, true, null, null);
    }

    /** The token's username is the member's name, else its appUserId, so the claim is never empty. */
    private Mono<MemberTokens> issueTokens(MemberState member) {
        String username = member.profile().appUserName() != null
                ? member.profile().appUserName() : member.appUserId();
        return Mono.fromCallable(() -> tokens.issueMemberTokens(member.appId(), member.memberId(), member.appUserId(),
                        username, member.guest()))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * The command bus runs handlers in the sending thread, and they block on the event store. A command that lost
     * a race is sent once more: two first logins that both saw no member, or a member cached on this node and
     * changed on another (the losing node drops its copy). Every member command can safely run twice.
     */
    private <R> Mono<R> send(Object command) {
        Mono<R> attempt = Mono.<R>fromFuture(() -> commandGateway.send(command))
                .subscribeOn(Schedulers.boundedElastic());
        return attempt.onErrorResume(MemberService::lostARace, e -> attempt);
    }

    private static boolean lostARace(Throwable failure) {
        return failure instanceof ConcurrencyException || failure instanceof AggregateStreamCreationException;
    }

    private static boolean isGone(Throwable failure) {
        return failure instanceof AggregateNotFoundException
                || failure instanceof ApiException api && "MEMBER_NOT_FOUND".equals(api.errorCode());
    }

    private static ApiException memberNotFound() {
        return ApiException.notFound("MEMBER_NOT_FOUND", "No such member");
    }
}
