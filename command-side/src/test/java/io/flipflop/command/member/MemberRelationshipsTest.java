package io.flipflop.command.member;

import static org.hamcrest.Matchers.equalTo;

import io.flipflop.api.member.AddFollowing;
import io.flipflop.api.member.AddFriend;
import io.flipflop.api.member.FollowingAdded;
import io.flipflop.api.member.FollowingRemoved;
import io.flipflop.api.member.FriendAdded;
import io.flipflop.api.member.FriendRemoved;
import io.flipflop.api.member.MemberDeleted;
import io.flipflop.api.member.MemberProfile;
import io.flipflop.api.member.MemberRegistered;
import io.flipflop.api.member.RemoveFollowing;
import io.flipflop.api.member.RemoveFriend;
import io.flipflop.platform.error.ApiException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

/** Following and friendship as a member records them: idempotent, never with itself, never once deleted. */
class MemberRelationshipsTest {

    private static final long APP = 7;
    private static final long ALICE = 100;
    private static final long BOB = 200;
    private static final MemberRegistered ALICE_REGISTERED =
            new MemberRegistered(ALICE, APP, "alice1", MemberProfile.EMPTY, false, 101L);
    private static final FollowingAdded ALICE_FOLLOWS_BOB = new FollowingAdded(ALICE, APP, "alice1", BOB, "bob1");
    private static final FriendAdded ALICE_BEFRIENDS_BOB = new FriendAdded(ALICE, APP, "alice1", BOB, "bob1");

    private final AggregateTestFixture<Member> fixture = new AggregateTestFixture<>(Member.class);

    // following

    @Test
    void followingAMemberRecordsWhomItFollows() {
        fixture.given(ALICE_REGISTERED)
                .when(new AddFollowing(ALICE, BOB, "bob1"))
                .expectEvents(ALICE_FOLLOWS_BOB);
    }

    @Test
    void followingAMemberAlreadyFollowedRecordsNothing() {
        fixture.given(ALICE_REGISTERED, ALICE_FOLLOWS_BOB)
                .when(new AddFollowing(ALICE, BOB, "bob1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void followingOneselfIsRejected() {
        fixture.given(ALICE_REGISTERED)
                .when(new AddFollowing(ALICE, ALICE, "alice1"))
                .expectException(rejectedWith("CANNOT_RELATE_TO_SELF"))
                .expectNoEvents();
    }

    @Test
    void aDeletedMemberCannotFollow() {
        fixture.given(ALICE_REGISTERED, new MemberDeleted(ALICE, APP, "alice1"))
                .when(new AddFollowing(ALICE, BOB, "bob1"))
                .expectException(rejectedWith("MEMBER_NOT_FOUND"))
                .expectNoEvents();
    }

    @Test
    void aMemberThatWasNeverRegisteredCannotFollow() {
        fixture.givenNoPriorActivity()
                .when(new AddFollowing(ALICE, BOB, "bob1"))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void unfollowingRecordsTheEndOfTheFollowing() {
        fixture.given(ALICE_REGISTERED, ALICE_FOLLOWS_BOB)
                .when(new RemoveFollowing(ALICE, BOB, "bob1"))
                .expectEvents(new FollowingRemoved(ALICE, APP, "alice1", BOB, "bob1"));
    }

    @Test
    void unfollowingAMemberNotFollowedRecordsNothing() {
        fixture.given(ALICE_REGISTERED, ALICE_FOLLOWS_BOB, new FollowingRemoved(ALICE, APP, "alice1", BOB, "bob1"))
                .when(new RemoveFollowing(ALICE, BOB, "bob1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void unfollowingOneselfIsRejected() {
        fixture.given(ALICE_REGISTERED)
                .when(new RemoveFollowing(ALICE, ALICE, "alice1"))
                .expectException(rejectedWith("CANNOT_RELATE_TO_SELF"));
    }

    @Test
    void aDeletedMemberCannotUnfollow() {
        fixture.given(ALICE_REGISTERED, ALICE_FOLLOWS_BOB, new MemberDeleted(ALICE, APP, "alice1"))
                .when(new RemoveFollowing(ALICE, BOB, "bob1"))
                .expectException(rejectedWith("MEMBER_NOT_FOUND"));
    }

    // friendship

    @Test
    void befriendingAMemberRecordsTheFriend() {
        fixture.given(ALICE_REGISTERED)
                .when(new AddFriend(ALICE, BOB, "bob1"))
                .expectEvents(ALICE_BEFRIENDS_BOB);
    }

    @Test
    void befriendingAFriendRecordsNothing() {
        fixture.given(ALICE_REGISTERED, ALICE_BEFRIENDS_BOB)
                .when(new AddFriend(ALICE, BOB, "bob1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void followingAndFriendshipAreIndependent() {
        fixture.given(ALICE_REGISTERED, ALICE_FOLLOWS_BOB)
                .when(new AddFriend(ALICE, BOB, "bob1"))
                .expectEvents(ALICE_BEFRIENDS_BOB);
    }

    @Test
    void befriendingOneselfIsRejected() {
        fixture.given(ALICE_REGISTERED)
                .when(new AddFriend(ALICE, ALICE, "alice1"))
                .expectException(rejectedWith("CANNOT_RELATE_TO_SELF"))
                .expectNoEvents();
    }

    @Test
    void aDeletedMemberCannotBefriend() {
        fixture.given(ALICE_REGISTERED, new MemberDeleted(ALICE, APP, "alice1"))
                .when(new AddFriend(ALICE, BOB, "bob1"))
                .expectException(rejectedWith("MEMBER_NOT_FOUND"));
    }

    @Test
    void unfriendingRecordsTheEndOfTheFriendship() {
        fixture.given(ALICE_REGISTERED, ALICE_BEFRIENDS_BOB)
                .when(new RemoveFriend(ALICE, BOB, "bob1"))
                .expectEvents(new FriendRemoved(ALICE, APP, "alice1", BOB, "bob1"));
    }

    @Test
    void unfriendingAMemberThatIsNoFriendRecordsNothing() {
        fixture.given(ALICE_REGISTERED)
                .when(new RemoveFriend(ALICE, BOB, "bob1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void unfriendingOneselfIsRejected() {
        fixture.given(ALICE_REGISTERED)
                .when(new RemoveFriend(ALICE, ALICE, "alice1"))
                .expectException(rejectedWith("CANNOT_RELATE_TO_SELF"));
    }

    @Test
    void aDeletedMemberCannotUnfriend() {
        fixture.given(ALICE_REGISTERED, ALICE_BEFRIENDS_BOB, new MemberDeleted(ALICE, APP, "alice1"))
                .when(new RemoveFriend(ALICE, BOB, "bob1"))
                .expectException(rejectedWith("MEMBER_NOT_FOUND"));
    }

    private static Matcher<ApiException> rejectedWith(String errorCode) {
        return new FeatureMatcher<>(equalTo(errorCode), "an ApiException with errorCode", "errorCode") {
            @Override
            protected String featureValueOf(ApiException rejection) {
                return rejection.errorCode();
            }
        };
    }
}
