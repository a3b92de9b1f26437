package io.flipflop.command.member;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.flipflop.api.member.AddFollowing;
import io.flipflop.api.member.AddFriend;
import io.flipflop.api.member.DeleteMember;
import io.flipflop.api.member.FollowingAdded;
import io.flipflop.api.member.FollowingRemoved;
import io.flipflop.api.member.FriendAdded;
import io.flipflop.api.member.FriendRemoved;
import io.flipflop.api.member.MemberDeleted;
import io.flipflop.api.member.MemberProfile;
import io.flipflop.api.member.MemberProfileUpdated;
import io.flipflop.api.member.MemberRegistered;
import io.flipflop.api.member.ProfileField;
import io.flipflop.api.member.RegisterMember;
import io.flipflop.api.member.RemoveFollowing;
import io.flipflop.api.member.RemoveFriend;
import io.flipflop.api.member.UpdateMemberProfile;
import io.flipflop.command.streamkey.StreamKey;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.error.DomainRejection;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An end user of an app, known by the app's {@code appUserId}; a guest has a generated one. A non-guest member
 * owns exactly one stream key, created together with it. A deleted member stays deleted: every later command
 * answers 404 as for a member that never existed.
 * <p>
 * A member keeps whom it follows and who its friends are (by member id), so that following or befriending twice
 * records one relationship, and removing one that does not exist records nothing. Friendship is mutual, but each
 * member records only its own side: one aggregate cannot change another.
 * <p>
 * Every login loads the member, so it is cached; member ids only ever come from the {@link MemberDirectory},
 * never from a URL, so the cache (shared by aggregate types, keyed by id alone) never hands out another kind of
 * aggregate. A snapshot is this object written by the Jackson serializer, hence the field visibility.
 */
@Aggregate(snapshotTriggerDefinition = "cachedSnapshotTrigger", cache = "aggregateCache")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Member {

    /** Boxed: null until the first event, so Axon stamps a creating handler's events with the id it sets. */
    @AggregateIdentifier
    private Long memberId;
    private boolean registered;
    private boolean deleted;
    private long appId;
    private String appUserId;
    private MemberProfile profile;
    private boolean guest;
    private Long streamKeyId;
    private Instant createdAt;
    private Instant lastModifiedAt;
    private Set<Long> followings = new HashSet<>();
    private Set<Long> friends = new HashSet<>();

    protected Member() {
    }

    /**
     * Registers the member, or, when it is already registered, sets the profile fields the command gives
     * (non-null): member login and register-or-update both mean exactly that, and a first login that raced
     * another, or died half-way, can simply send it again with the ids it claimed.
     * CREATE_IF_MISSING rather than a constructor also makes events apply at once, so the handler can answer
     * the member as it is after the command.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public MemberState handle(RegisterMember command) throws Exception {
        MemberProfile given = command.profile() == null ? MemberProfile.EMPTY : command.profile();
        if (!registered) {
            register(command, given);
        } else {
            if (deleted || appId != command.appId()) {
                throw memberNotFound();
            }
            changeProfile(given, givenFields(given));
        }
        return state();
    }

    @CommandHandler
    public MemberState handle(UpdateMemberProfile command) {
        requireActive();
        changeProfile(command.values() == null ? MemberProfile.EMPTY : command.values(), command.fields());
        return state();
    }

    @CommandHandler
    public void handle(DeleteMember command) {
        requireActive();
        apply(new MemberDeleted(memberId, appId, appUserId));
    }

    @CommandHandler
    public void handle(AddFollowing command) {
        requireActive();
        requireOther(command.followedMemberId());
        if (!followings.contains(command.followedMemberId())) {
            apply(new FollowingAdded(memberId, appId, appUserId, command.followedMemberId(),
                    command.followedAppUserId()));
        }
    }

    @CommandHandler
    public void handle(RemoveFollowing command) {
        requireActive();
        requireOther(command.followedMemberId());
        if (followings.contains(command.followedMemberId())) {
            apply(new FollowingRemoved(memberId, appId, appUserId, command.followedMemberId(),
                    command.followedAppUserId()));
        }
    }

    @CommandHandler
    public void handle(AddFriend command) {
        requireActive();
        requireOther(command.friendMemberId());
        if (!friends.contains(command.friendMemberId())) {
            apply(new FriendAdded(memberId, appId, appUserId, command.friendMemberId(), command.friendAppUserId()));
        }
    }

    @CommandHandler
    public void handle(RemoveFriend command) {
        requireActive();
        requireOther(command.friendMemberId());
        if (friends.contains(command.friendMemberId())) {
            apply(new FriendRemoved(memberId, appId, appUserId, command.friendMemberId(), command.friendAppUserId()));
        }
    }

    private void register(RegisterMember command, MemberProfile given) throws Exception {
        // a guest's generated id breaks the app's rule on purpose (MemberService), so no app can log in as it
        if (!command.guest()) {
            MemberRules.checkAppUserId(command.appUserId());
        }
        MemberRules.checkProfile(given);
        if (command.guest() != (command.streamKeyId() == null) || command.guest() != (command.streamKey() == null)) {
            throw new IllegalArgumentException("A member has a stream key exactly when it is not a guest");
        }
        apply(new MemberRegistered(command.memberId(), command.appId(), command.appUserId(), given, command.guest(),
                command.streamKeyId()));
        if (!command.guest()) {
            createNew(StreamKey.class, () -> new StreamKey(command.streamKeyId(), command.appId(),
                    command.memberId(), command.streamKey()));
        }
    }

    private void requireActive() {
        if (!registered || deleted) {
            throw memberNotFound();
        }
    }

    private void requireOther(long otherMemberId) {
        if (otherMemberId == memberId) {
            throw new DomainRejection("CANNOT_RELATE_TO_SELF", "A member cannot follow or befriend itself");
        }
    }

    private static ApiException memberNotFound() {
        return ApiException.notFound("MEMBER_NOT_FOUND", "No such member");
    }

    /** Records a change only when the profile really changes, so a login with the same data adds no event. */
    private void changeProfile(MemberProfile values, Set<ProfileField> fields) {
        MemberProfile changed = profile;
        for (ProfileField field : fields) {
            changed = with(changed, field, values);
        }
        if (changed.equals(profile)) {
            return;
        }
        MemberRules.checkProfile(changed);
        apply(new MemberProfileUpdated(memberId, appId, changed));
    }

    private static Set<ProfileField> givenFields(MemberProfile profile) {
        Set<ProfileField> fields = EnumSet.noneOf(ProfileField.class);
        for (ProfileField field : ProfileField.values()) {
            if (valueOf(profile, field) != null) {
                fields.add(field);
            }
        }
        return fields;
    }

    private static Object valueOf(MemberProfile profile, ProfileField field) {
        return switch (field) {
            case APP_USER_NAME -> profile.appUserName();
            case APP_USER_PROFILE_IMG_URL -> profile.appUserProfileImgUrl();
            case EMAIL -> profile.email();
            case CUSTOM_TYPE -> profile.customType();
            case CUSTOM_DATA -> profile.customData();
        };
    }

    private static MemberProfile with(MemberProfile p, ProfileField field, MemberProfile values) {
        return switch (field) {
            case APP_USER_NAME -> new MemberProfile(values.appUserName(), p.appUserProfileImgUrl(), p.email(),
                    p.customType(), p.customData());
            case APP_USER_PROFILE_IMG_URL -> new MemberProfile(p.appUserName(), values.appUserProfileImgUrl(),
                    p.email(), p.customType(), p.customData());
            case EMAIL -> new MemberProfile(p.appUserName(), p.appUserProfileImgUrl(), values.email(),
                    p.customType(), p.customData());
            case CUSTOM_TYPE -> new MemberProfile(p.appUserName(), p.appUserProfileImgUrl(), p.email(),
                    values.customType(), p.customData());
            case CUSTOM_DATA -> new MemberProfile(p.appUserName(), p.appUserProfileImgUrl(), p.email(),
                    p.customType(), values.customData());
        };
    }

    @EventSourcingHandler
    void on(MemberRegistered event, @Timestamp Instant at) {
        memberId = event.memberId();
        registered = true;
        appId = event.appId();
        appUserId = event.appUserId();
        profile = event.profile();
        guest = event.guest();
        streamKeyId = event.streamKeyId();
        createdAt = at;
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(MemberProfileUpdated event, @Timestamp Instant at) {
        profile = event.profile();
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(FollowingAdded event) {
        followings.add(event.followedMemberId());
    }

    @EventSourcingHandler
    void on(FollowingRemoved event) {
        followings.remove(event.followedMemberId());
    }

    @EventSourcingHandler
    void on(FriendAdded event) {
        friends.add(event.friendMemberId());
    }

    @EventSourcingHandler
    void on(FriendRemoved event) {
        friends.remove(event.friendMemberId());
    }

    @EventSourcingHandler
    void on(MemberDeleted event, @Timestamp Instant at) {
        deleted = true;
        lastModifiedAt = at;
    }

    private MemberState state() {
        return new MemberState(memberId, appId, appUserId, profile, guest, streamKeyId, createdAt, lastModifiedAt);
    }
}
