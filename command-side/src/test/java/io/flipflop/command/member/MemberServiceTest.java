package io.flipflop.command.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import io.flipflop.api.member.AddFriend;
import io.flipflop.api.member.FollowingAdded;
import io.flipflop.api.member.FollowingRemoved;
import io.flipflop.api.member.FriendAdded;
import io.flipflop.api.member.FriendRemoved;
import io.flipflop.api.member.MemberDeleted;
import io.flipflop.api.member.MemberProfile;
import io.flipflop.api.member.MemberProfileUpdated;
import io.flipflop.api.member.MemberRegistered;
import io.flipflop.api.member.MemberTokens;
import io.flipflop.api.member.ProfileField;
import io.flipflop.api.streamkey.StreamKeyCreated;
import io.flipflop.api.user.ConsoleSession;
import io.flipflop.command.streamkey.StreamKey;
import io.flipflop.command.streamkey.StreamKeyStrings;
import io.flipflop.command.testsupport.AxonOnMongo;
import io.flipflop.command.token.TokenIssuer;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.ids.IdGenerator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The member writes of the App API through a real Axon configuration and MongoDB-wire server: the directory
 * claims, the commands and the tokens asked for. (Concurrent creation of one aggregate needs the real event store
 * engine; the race on the directory itself is covered by {@link MemberDirectoryTest}.)
 */
class MemberServiceTest {

    private static final long APP = 7;
    private static final long OTHER_APP = 8;

    @RegisterExtension
    static final AxonOnMongo fixture = new AxonOnMongo();

    private final List<Issued> issued = new CopyOnWriteArrayList<>();
    private Configuration axon;
    private MemberDirectory directory;
    private MemberService members;

    record Issued(long appId, long memberId, String appUserId, String username, boolean guest) {
    }

    @BeforeEach
    void setUp() {
        MongoDatabase database = fixture.freshDatabase();
        axon = fixture.start(AxonOnMongo.inMemoryAxon(Member.class, StreamKey.class));
        directory = new MemberDirectory(database);
        members = new MemberService(axon.commandGateway(), directory, new IdGenerator(database),
                new StreamKeyStrings(), new RecordingTokenIssuer());
    }

    @Test
    void aFirstLoginRegistersTheMemberWithItsStreamKeyAndAnswersItsTokens() {
        MemberTokens tokens = logIn(APP, "alice1", new MemberProfile("Alice", null, null, null, null));

        var entry = directory.find(APP, "alice1").orElseThrow();
        assertThat(tokens.accessToken()).isEqualTo("access-" + entry.memberId());
        assertThat(issued).containsExactly(new Issued(APP, entry.memberId(), "alice1", "Alice", false));
        assertThat(eventsOf(entry.memberId())).containsExactly(new MemberRegistered(entry.memberId(), APP, "alice1",
                new MemberProfile("Alice", null, null, null, null), false, entry.streamKeyId()));
        assertThat(eventsOf(entry.streamKeyId())).singleElement()
                .isInstanceOfSatisfying(StreamKeyCreated.class, created -> {
                    assertThat(created.memberId()).isEqualTo(entry.memberId());
                    assertThat(created.streamKey()).matches("[A-Za-z0-9]{32}");
                });
    }

    @Test
    void aLaterLoginReachesTheSameMemberAndSetsOnlyTheGivenFields() {
        logIn(APP, "alice1", new MemberProfile("Alice", "https://img/a.png", null, null, null));
        logIn(APP, "alice1", new MemberProfile("Alice B.", null, null, "VIP", null));

        long memberId = directory.find(APP, "alice1").orElseThrow().memberId();
        assertThat(eventsOf(memberId)).last().isEqualTo(new MemberProfileUpdated(memberId, APP,
                new MemberProfile("Alice B.", "https://img/a.png", null, "VIP", null)));
        assertThat(issued).extracting(Issued::memberId).containsExactly(memberId, memberId);
    }

    @Test
    void aMemberWithoutANameGetsTokensNamedByItsAppUserId() {
        logIn(APP, "alice1", MemberProfile.EMPTY);
        assertThat(issued).singleElement().extracting(Issued::username).isEqualTo("alice1");
    }

    @Test
    void theSameAppUserIdInAnotherAppIsAnotherMember() {
        logIn(APP, "alice1", MemberProfile.EMPTY);
        logIn(OTHER_APP, "alice1", MemberProfile.EMPTY);
        assertThat(directory.find(APP, "alice1").orElseThrow().memberId())
                .isNotEqualTo(directory.find(OTHER_APP, "alice1").orElseThrow().memberId());
    }

    @Test
    void aLoginAfterAFirstLoginThatDiedRegistersTheMemberUnderTheClaimedIds() {
        directory.claim(APP, "alice1", () -> new MemberDirectory.Entry(500, 501L));

        logIn(APP, "alice1", MemberProfile.EMPTY);

        assertThat(eventsOf(500)).singleElement().isInstanceOf(MemberRegistered.class);
        assertThat(eventsOf(501)).singleElement().isInstanceOf(StreamKeyCreated.class);
    }

    @Test
    void anInvalidLoginLeavesNoClaimBehind() {
        assertRejected(() -> logIn(APP, "alice-1", MemberProfile.EMPTY), "INVALID_APP_USER_ID_FORMAT");
        assertRejected(() -> logIn(APP, null, MemberProfile.EMPTY), "EMPTY_APP_USER_ID");
        assertRejected(() -> logIn(APP, "alice1", new MemberProfile(null, null, null, "x".repeat(51), null)),
                "CUSTOM_TYPE_SIZE_UPPER_LIMIT_EXCEEDED");
        assertThat(directory.find(APP, "alice1")).isEmpty();
    }

    @Test
    void aGuestGetsAGeneratedAppUserIdAndNoStreamKey() {
        members.logInAsGuest(APP).block();

        Issued guest = issued.get(0);
        assertThat(guest.guest()).isTrue();
        assertThat(guest.appUserId()).isEqualTo("guest-" + guest.memberId());
        assertThat(directory.find(APP, guest.appUserId())).contains(new MemberDirectory.Entry(guest.memberId(), null));
        assertThat(eventsOf(guest.memberId())).containsExactly(new MemberRegistered(guest.memberId(), APP,
                guest.appUserId(), MemberProfile.EMPTY, true, null));
    }

    @Test
    void registeringAnExistingMemberAnswersIt() {
        MemberState first = members.upsert(APP, "alice1", new MemberProfile("Alice", null, null, null, null)).block();
        MemberState again = members.upsert(APP, "alice1", MemberProfile.EMPTY).block();
        assertThat(again).isEqualTo(first);
    }

    @Test
    void anUpdateSetsTheListedFieldsAndAnswersTheMemberAfterIt() {
        members.upsert(APP, "alice1", new MemberProfile("Alice", "https://img/a.png", null, null, null)).block();

        MemberState updated = members.update(APP, "alice1", new MemberProfile("Alice B.", null, null, null, null),
                Set.of(ProfileField.APP_USER_NAME, ProfileField.APP_USER_PROFILE_IMG_URL)).block();

        assertThat(updated.profile()).isEqualTo(new MemberProfile("Alice B.", null, null, null, null));
        assertThat(updated.lastModifiedAt()).isAfterOrEqualTo(updated.createdAt());
    }

    @Test
    void anUnknownMemberOrOneOfAnotherAppIsNotFound() {
        logIn(OTHER_APP, "alice1", MemberProfile.EMPTY);
        assertRejected(() -> members.update(APP, "alice1", MemberProfile.EMPTY, Set.of()).block(), "MEMBER_NOT_FOUND");
        assertRejected(() -> members.update(APP, "bob1", MemberProfile.EMPTY, Set.of()).block(), "MEMBER_NOT_FOUND");
    }

    @Test
    void aMemberClaimedButNeverRegisteredIsNotFoundByAnUpdate() {
        directory.claim(APP, "alice1", () -> new MemberDirectory.Entry(500, 501L));
        assertRejected(() -> members.update(APP, "alice1", MemberProfile.EMPTY, Set.of()).block(), "MEMBER_NOT_FOUND");
    }

    @Test
    void deletingMembersIgnoresUnknownIdsAndFreesTheAppUserIds() {
        logIn(APP, "alice1", MemberProfile.EMPTY);
        logIn(APP, "bob1", MemberProfile.EMPTY);
        long alice = directory.find(APP, "alice1").orElseThrow().memberId();

        members.delete(APP, List.of("alice1", "nobody", "bob1")).block();

        assertThat(eventsOf(alice)).last().isEqualTo(new MemberDeleted(alice, APP, "alice1"));
        assertThat(directory.find(APP, "alice1")).isEmpty();
        assertThat(directory.find(APP, "bob1")).isEmpty();
        assertRejected(() -> members.update(APP, "alice1", MemberProfile.EMPTY, Set.of()).block(), "MEMBER_NOT_FOUND");
    }

    @Test
    void anAppCannotDeleteAnotherAppsMember() {
        logIn(OTHER_APP, "alice1", MemberProfile.EMPTY);
        members.delete(APP, List.of("alice1")).block();
        assertThat(directory.find(OTHER_APP, "alice1")).isPresent();
    }

    @Test
    void aLoginAfterADeletionMakesANewMember() {
        logIn(APP, "alice1", MemberProfile.EMPTY);
        long deleted = directory.find(APP, "alice1").orElseThrow().memberId();
        members.delete(APP, List.of("alice1")).block();

        logIn(APP, "alice1", MemberProfile.EMPTY);

        assertThat(directory.find(APP, "alice1").orElseThrow().memberId()).isNotEqualTo(deleted);
    }

    @Test
    void aLoginAfterADeletionWhoseReleaseWasLostMakesANewMember() {
        logIn(APP, "alice1", MemberProfile.EMPTY);
        var deleted = directory.find(APP, "alice1").orElseThrow();
        axon.commandGateway().sendAndWait(new io.flipflop.api.member.DeleteMember(deleted.memberId()));

        logIn(APP, "alice1", new MemberProfile("Alice again", null, null, null, null));

        var member = directory.find(APP, "alice1").orElseThrow();
        assertThat(member.memberId()).isNotEqualTo(deleted.memberId());
        assertThat(issued).last().isEqualTo(new Issued(APP, member.memberId(), "alice1", "Alice again", false));
    }

    @Test
    void anAppCannotLogInAsAGuest() {
        members.logInAsGuest(APP).block();
        String guestAppUserId = issued.get(0).appUserId();

        assertRejected(() -> logIn(APP, guestAppUserId, MemberProfile.EMPTY), "INVALID_APP_USER_ID_FORMAT");
        assertThat(issued).hasSize(1);
    }

    // relationships

    @Test
    void befriendingRecordsTheFriendshipOnBothMembers() {
        long alice = register(APP, "alice1");
        long bob = register(APP, "bob1");

        members.befriend(APP, "alice1", "bob1").block();

        assertThat(eventsOf(alice)).last().isEqualTo(new FriendAdded(alice, APP, "alice1", bob, "bob1"));
        assertThat(eventsOf(bob)).last().isEqualTo(new FriendAdded(bob, APP, "bob1", alice, "alice1"));
    }

    @Test
    void befriendingAgainFromEitherSideChangesNothing() {
        long alice = register(APP, "alice1");
        long bob = register(APP, "bob1");
        members.befriend(APP, "alice1", "bob1").block();

        members.befriend(APP, "alice1", "bob1").block();
        members.befriend(APP, "bob1", "alice1").block();

        assertThat(eventsOf(alice)).filteredOn(FriendAdded.class::isInstance).hasSize(1);
        assertThat(eventsOf(bob)).filteredOn(FriendAdded.class::isInstance).hasSize(1);
    }

    @Test
    void befriendingCompletesAFriendshipRecordedOnOneSideOnly() {
        long alice = register(APP, "alice1");
        long bob = register(APP, "bob1");
        axon.commandGateway().sendAndWait(new AddFriend(alice, bob, "bob1"));

        members.befriend(APP, "alice1", "bob1").block();

        assertThat(eventsOf(alice)).filteredOn(FriendAdded.class::isInstance).hasSize(1);
        assertThat(eventsOf(bob)).last().isEqualTo(new FriendAdded(bob, APP, "bob1", alice, "alice1"));
    }

    @Test
    void unfriendingEndsTheFriendshipOnBothMembers() {
        long alice = register(APP, "alice1");
        long bob = register(APP, "bob1");
        members.befriend(APP, "alice1", "bob1").block();

        members.unfriend(APP, "bob1", "alice1").block();

        assertThat(eventsOf(alice)).last().isEqualTo(new FriendRemoved(alice, APP, "alice1", bob, "bob1"));
        assertThat(eventsOf(bob)).last().isEqualTo(new FriendRemoved(bob, APP, "bob1", alice, "alice1"));
    }

    @Test
    void followingIsRecordedOnTheFollowerOnly() {
        long alice = register(APP, "alice1");
        long bob = register(APP, "bob1");

        members.follow(APP, "alice1", "bob1").block();
        members.follow(APP, "alice1", "bob1").block();

        assertThat(eventsOf(alice)).filteredOn(FollowingAdded.class::isInstance)
                .containsExactly(new FollowingAdded(alice, APP, "alice1", bob, "bob1"));
        assertThat(eventsOf(bob)).singleElement().isInstanceOf(MemberRegistered.class);
    }

    @Test
    void unfollowingEndsTheFollowing() {
        long alice = register(APP, "alice1");
        long bob = register(APP, "bob1");
        members.follow(APP, "alice1", "bob1").block();

        members.unfollow(APP, "alice1", "bob1").block();

        assertThat(eventsOf(alice)).last().isEqualTo(new FollowingRemoved(alice, APP, "alice1", bob, "bob1"));
    }

    @Test
    void relatingToAnUnknownMemberOrOneOfAnotherAppIsNotFound() {
        register(APP, "alice1");
        register(OTHER_APP, "bob1");

        assertRejected(() -> members.follow(APP, "alice1", "bob1").block(), "MEMBER_NOT_FOUND");
        assertRejected(() -> members.follow(APP, "bob1", "alice1").block(), "MEMBER_NOT_FOUND");
        assertRejected(() -> members.befriend(APP, "alice1", "nobody").block(), "MEMBER_NOT_FOUND");
        assertRejected(() -> members.unfriend(APP, "nobody", "alice1").block(), "MEMBER_NOT_FOUND");
        assertRejected(() -> members.unfollow(APP, "alice1", "bob1").block(), "MEMBER_NOT_FOUND");
    }

    @Test
    void relatingToADeletedMemberIsNotFound() {
        register(APP, "alice1");
        register(APP, "bob1");
        members.delete(APP, List.of("bob1")).block();

        assertRejected(() -> members.follow(APP, "alice1", "bob1").block(), "MEMBER_NOT_FOUND");
        assertRejected(() -> members.befriend(APP, "bob1", "alice1").block(), "MEMBER_NOT_FOUND");
    }

    @Test
    void relatingToOneselfIsRejected() {
        long alice = register(APP, "alice1");

        assertRejected(() -> members.follow(APP, "alice1", "alice1").block(), "CANNOT_RELATE_TO_SELF");
        assertRejected(() -> members.befriend(APP, "alice1", "alice1").block(), "CANNOT_RELATE_TO_SELF");
        assertThat(eventsOf(alice)).singleElement().isInstanceOf(MemberRegistered.class);
    }

    private long register(long appId, String appUserId) {
        return members.upsert(appId, appUserId, MemberProfile.EMPTY).block().memberId();
    }

    private MemberTokens logIn(long appId, String appUserId, MemberProfile profile) {
        return members.logIn(appId, appUserId, profile).block();
    }

    private List<Object> eventsOf(long aggregateId) {
        return axon.eventStore().readEvents(String.valueOf(aggregateId)).asStream()
                .map(Message::getPayload)
                .map(Object.class::cast)
                .toList();
    }

    private static void assertRejected(Runnable call, String errorCode) {
        assertThatThrownBy(call::run)
                .isInstanceOf(ApiException.class)
                .hasFieldOrPropertyWithValue("errorCode", errorCode);
    }

    private class RecordingTokenIssuer implements TokenIssuer {

        @Override
        public MemberTokens issueMemberTokens(long appId, long memberId, String appUserId, String username,
                                              boolean guest) {
            issued.add(new Issued(appId, memberId, appUserId, username, guest));
            return new MemberTokens("access-" + memberId, "refresh-" + memberId, "streaming-" + memberId);
        }

        @Override
        public String issueAppStreamingToken(long appId) {
            throw new UnsupportedOperationException("member writes issue no app tokens");
        }

        @Override
        public ConsoleSession issueConsoleSession(long userId, String email) {
            throw new UnsupportedOperationException("members have no console sessions");
        }
    }
}
