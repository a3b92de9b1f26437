package io.flipflop.query.relationship;

import static io.flipflop.query.testsupport.ReadModelChecks.assertAppliedTwiceLeavesIdenticalDocuments;
import static io.flipflop.query.testsupport.ReadModelChecks.assertReplayAfterResetRebuildsIdenticalDocuments;
import static io.flipflop.query.testsupport.TestDatabases.documents;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.app.AppRef;
import io.flipflop.api.member.FollowingAdded;
import io.flipflop.api.member.FollowingRemoved;
import io.flipflop.api.member.FriendAdded;
import io.flipflop.api.member.FriendRemoved;
import io.flipflop.api.member.MemberDeleted;
import io.flipflop.api.member.MemberProfile;
import io.flipflop.api.member.MemberRegistered;
import io.flipflop.api.member.MemberView;
import io.flipflop.query.app.AppQueries;
import io.flipflop.query.member.MemberQueries;
import io.flipflop.query.member.MemberViewProjection;
import io.flipflop.query.paging.Paging;
import io.flipflop.query.testsupport.TestDatabases;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RelationshipProjectionTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private static final long APP_ID = 100;
    private static final AppRef APP = new AppRef(APP_ID, "ACTIVE", "Sporty");
    private static final Instant T = Instant.parse("2026-11-28T10:00:00.125Z");
    private static final long ALICE = 1;
    private static final long BOB = 3;
    private static final long CAROL = 5;

    private static final FollowingAdded BOB_FOLLOWS_ALICE = new FollowingAdded(BOB, APP_ID, "bob", ALICE, "alice");
    private static final FollowingAdded CAROL_FOLLOWS_ALICE =
            new FollowingAdded(CAROL, APP_ID, "carol", ALICE, "alice");
    private static final FriendAdded ALICE_BEFRIENDS_BOB = new FriendAdded(ALICE, APP_ID, "alice", BOB, "bob");
    private static final FriendAdded BOB_BEFRIENDS_ALICE = new FriendAdded(BOB, APP_ID, "bob", ALICE, "alice");

    private MongoDatabase database;
    private RelationshipProjection projection;
    private RelationshipQueries queries;

    @BeforeEach
    void aliceBobAndCarolAreMembers() {
        database = databases.fresh();
        MemberViewProjection members = new MemberViewProjection(database);
        members.on(new MemberRegistered(ALICE, APP_ID, "alice", MemberProfile.EMPTY, false, 2L), 0, T);
        members.on(new MemberRegistered(BOB, APP_ID, "bob", MemberProfile.EMPTY, false, 4L), 0, T);
        members.on(new MemberRegistered(CAROL, APP_ID, "carol", MemberProfile.EMPTY, false, 6L), 0, T);
        projection = new RelationshipProjection(database);
        queries = new RelationshipQueries(database, new MemberQueries(database, new AppQueries(database)));
    }

    @Test
    void aFollowingMakesTheFollowerAFollowerOfTheOwnerOnly() {
        projection.on(BOB_FOLLOWS_ALICE, 1);

        assertThat(queries.between(ALICE, BOB).block()).isEqualTo(new KnownRelationships(ALICE, BOB, true, false));
        assertThat(queries.between(BOB, ALICE).block().follower()).as("following is one way").isFalse();
    }

    @Test
    void anUnfollowEndsTheFollowing() {
        projection.on(BOB_FOLLOWS_ALICE, 1);

        projection.on(new FollowingRemoved(BOB, APP_ID, "bob", ALICE, "alice"), 2);

        assertThat(queries.between(ALICE, BOB).block().follower()).isFalse();
        assertThat(followers(ALICE)).isEmpty();
    }

    @Test
    void aFriendshipHoldsForEachMemberThatRecordedIt() {
        projection.on(ALICE_BEFRIENDS_BOB, 1);
        assertThat(queries.between(ALICE, BOB).block().friend()).isTrue();
        assertThat(queries.between(BOB, ALICE).block().friend()).as("Bob's side is not recorded yet").isFalse();

        projection.on(BOB_BEFRIENDS_ALICE, 1);
        assertThat(queries.between(BOB, ALICE).block().friend()).isTrue();

        projection.on(new FriendRemoved(ALICE, APP_ID, "alice", BOB, "bob"), 2);
        assertThat(queries.between(ALICE, BOB).block().friend()).isFalse();
    }

    @Test
    void theListingsAnswerPagesOfMembersByAppUserId() {
        projection.on(CAROL_FOLLOWS_ALICE, 1);
        projection.on(BOB_FOLLOWS_ALICE, 1);
        projection.on(ALICE_BEFRIENDS_BOB, 1);

        assertThat(followers(ALICE)).containsExactly("bob", "carol");
        assertThat(queries.followers(APP, ALICE, Paging.of(1, 1)).block()).satisfies(page -> {
            assertThat(page.content()).extracting(MemberView::appUserId).containsExactly("carol");
            assertThat(page.totalElements()).isEqualTo(2);
        });
        assertThat(queries.followings(APP, BOB, Paging.of(0, 10)).block().content())
                .extracting(MemberView::appUserId).containsExactly("alice");
        assertThat(queries.friends(APP, ALICE, Paging.of(0, 10)).block().content())
                .extracting(MemberView::appUserId).containsExactly("bob");
        assertThat(queries.followers(new AppRef(200, "ACTIVE", "Cooky"), ALICE, Paging.of(0, 10)).block()
                .content()).as("another app sees none").isEmpty();
    }

    @Test
    void relationshipsOfADeletedMemberEndWhicheverEventsArriveFirst() {
        projection.on(BOB_FOLLOWS_ALICE, 1);
        projection.on(ALICE_BEFRIENDS_BOB, 1);
        projection.on(new MemberDeleted(BOB, APP_ID, "bob"));
        List<Document> follows = documents(database, "follows");
        List<Document> friends = documents(database, "friends");

        projection.reset();
        projection.on(new MemberDeleted(BOB, APP_ID, "bob"));
        projection.on(ALICE_BEFRIENDS_BOB, 1);
        projection.on(BOB_FOLLOWS_ALICE, 1);

        assertThat(documents(database, "follows")).isEqualTo(follows);
        assertThat(documents(database, "friends")).isEqualTo(friends);
        assertThat(queries.between(ALICE, BOB).block()).isEqualTo(new KnownRelationships(ALICE, BOB, false, false));
        assertThat(followers(ALICE)).isEmpty();
    }

    @Test
    void theSameEventAppliedTwiceLeavesIdenticalDocuments() {
        assertAppliedTwiceLeavesIdenticalDocuments(database, this::applyHistory, "follows", "friends");
    }

    @Test
    void replayFromZeroAfterResetRebuildsIdenticalDocuments() {
        assertReplayAfterResetRebuildsIdenticalDocuments(database, projection::reset, this::applyHistory,
                "follows", "friends", "relationship_deleted_members");
    }

    @Test
    void anOlderEventCannotReviveAnEndedRelationship() {
        projection.on(BOB_FOLLOWS_ALICE, 1);
        projection.on(new FollowingRemoved(BOB, APP_ID, "bob", ALICE, "alice"), 2);

        projection.on(BOB_FOLLOWS_ALICE, 1);

        assertThat(queries.between(ALICE, BOB).block().follower()).isFalse();
    }

    private void applyHistory() {
        projection.on(BOB_FOLLOWS_ALICE, 1);
        projection.on(CAROL_FOLLOWS_ALICE, 1);
        projection.on(new FollowingRemoved(CAROL, APP_ID, "carol", ALICE, "alice"), 2);
        projection.on(ALICE_BEFRIENDS_BOB, 1);
        projection.on(BOB_BEFRIENDS_ALICE, 2);
        projection.on(new FriendAdded(ALICE, APP_ID, "alice", CAROL, "carol"), 2);
        projection.on(new MemberDeleted(CAROL, APP_ID, "carol"));
    }

    private List<String> followers(long member) {
        return queries.followers(APP, member, Paging.of(0, 10)).block().content().stream()
                .map(MemberView::appUserId).toList();
    }
}
