package io.flipflop.query.member;

import static io.flipflop.query.testsupport.ReadModelChecks.assertReplayAfterResetRebuildsIdenticalDocuments;
import static io.flipflop.query.testsupport.TestDatabases.documents;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.app.AppRef;
import io.flipflop.api.member.MemberDeleted;
import io.flipflop.api.member.MemberProfile;
import io.flipflop.api.member.MemberProfileUpdated;
import io.flipflop.api.member.MemberRegistered;
import io.flipflop.api.member.MemberView;
import io.flipflop.query.app.AppQueries;
import io.flipflop.query.paging.Paging;
import io.flipflop.query.testsupport.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MemberViewProjectionTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private static final long APP_ID = 100;
    private static final AppRef APP = new AppRef(APP_ID, "ACTIVE", "Sporty");
    private static final Instant REGISTERED_AT = Instant.parse("2026-11-28T10:00:00.125Z");
    private static final Instant UPDATED_AT = Instant.parse("2026-11-28T11:30:00.250Z");
    private static final Instant DELETED_AT = Instant.parse("2026-11-28T12:45:00.500Z");

    private static final MemberProfile ALICE_PROFILE = new MemberProfile("Alice", "https://img/alice.png",
            "alice@example.com", "MEMBER", Map.of("tier", "gold"));
    private static final MemberRegistered ALICE_REGISTERED =
            new MemberRegistered(1, APP_ID, "alice", ALICE_PROFILE, false, 2L);
    private static final MemberProfileUpdated ALICE_RENAMED = new MemberProfileUpdated(1, APP_ID,
            new MemberProfile("Alice B.", null, "alice@example.com", "MEMBER", null));
    private static final MemberDeleted ALICE_DELETED = new MemberDeleted(1, APP_ID, "alice");

    private MongoDatabase database;
    private MemberViewProjection projection;
    private MemberQueries queries;

    @BeforeEach
    void freshReadModel() {
        database = databases.fresh();
        projection = new MemberViewProjection(database);
        queries = new MemberQueries(database, new AppQueries(database));
    }

    @Test
    void registeredMemberBecomesAnActiveMemberView() {
        projection.on(ALICE_REGISTERED, 0, REGISTERED_AT);

        assertThat(queries.find(APP, "alice").block()).isEqualTo(new MemberView(1, "ACTIVE", APP, "alice", "Alice",
                "https://img/alice.png", "alice@example.com", "MEMBER", Map.of("tier", "gold"), false,
                REGISTERED_AT, REGISTERED_AT));
        assertThat(documents(database, "members")).singleElement()
                .satisfies(member -> {
                    assertThat(member.getString("_id")).isEqualTo("100:alice");
                    assertThat(member.getLong("streamKeyId")).isEqualTo(2L);
                });
    }

    @Test
    void profileUpdateReplacesTheWholeProfileAndTouchesOnlyLastModifiedAt() {
        projection.on(ALICE_REGISTERED, 0, REGISTERED_AT);

        projection.on(ALICE_RENAMED, 1, UPDATED_AT);

        MemberView alice = queries.find(APP, "alice").block();
        assertThat(alice.appUserName()).isEqualTo("Alice B.");
        assertThat(alice.appUserProfileImgUrl()).isNull();
        assertThat(alice.customData()).isNull();
        assertThat(alice.createdAt()).isEqualTo(REGISTERED_AT);
        assertThat(alice.lastModifiedAt()).isEqualTo(UPDATED_AT);
    }

    /** Another node, or this one after a restart, has not seen the registration and finds the member's key stored. */
    @Test
    void aProjectionThatDidNotSeeTheRegistrationAppliesTheProfileUpdate() {
        projection.on(ALICE_REGISTERED, 0, REGISTERED_AT);

        new MemberViewProjection(database).on(ALICE_RENAMED, 1, UPDATED_AT);

        assertThat(queries.find(APP, "alice").block().appUserName()).isEqualTo("Alice B.");
    }

    @Test
    void deletedMemberIsHiddenFromEveryRead() {
        projection.on(ALICE_REGISTERED, 0, REGISTERED_AT);

        projection.on(ALICE_DELETED, 1, DELETED_AT);

        assertThat(queries.find(APP, "alice").blockOptional()).isEmpty();
        assertThat(queries.self(APP_ID, 1, "alice").blockOptional()).isEmpty();
        assertThat(queries.list(APP, null, null, MemberSort.CREATED_AT_DESC, Paging.of(0, 10)).block().content())
                .isEmpty();
        assertThat(documents(database, "members")).singleElement()
                .satisfies(member -> assertThat(member.getString("state")).isEqualTo("DELETED"));
    }

    @Test
    void theSameEventAppliedTwiceLeavesAnIdenticalDocument() {
        projection.on(ALICE_REGISTERED, 0, REGISTERED_AT);
        List<Document> registered = documents(database, "members");
        projection.on(ALICE_REGISTERED, 0, REGISTERED_AT);
        assertThat(documents(database, "members")).isEqualTo(registered);

        projection.on(ALICE_RENAMED, 1, UPDATED_AT);
        List<Document> renamed = documents(database, "members");
        projection.on(ALICE_RENAMED, 1, UPDATED_AT);
        assertThat(documents(database, "members")).isEqualTo(renamed);
    }

    @Test
    void eventsOlderThanTheDocumentAreIgnored() {
        projection.on(ALICE_REGISTERED, 0, REGISTERED_AT);
        projection.on(ALICE_RENAMED, 1, UPDATED_AT);
        projection.on(ALICE_DELETED, 2, DELETED_AT);
        List<Document> deleted = documents(database, "members");

        projection.on(ALICE_REGISTERED, 0, REGISTERED_AT);
        projection.on(ALICE_RENAMED, 1, UPDATED_AT);

        assertThat(documents(database, "members")).isEqualTo(deleted);
    }

    @Test
    void replayFromZeroAfterResetRebuildsIdenticalDocuments() {
        assertReplayAfterResetRebuildsIdenticalDocuments(database, projection::reset, this::applyHistory,
                "members", "member_keys");
    }

    @Test
    void aNewMemberReusingADeletedAppUserIdTakesItsPlaceWhicheverEventsArriveFirst() {
        MemberRegistered aliceAgain = new MemberRegistered(7, APP_ID, "alice", MemberProfile.EMPTY, false, 8L);
        Instant reRegisteredAt = DELETED_AT.plusSeconds(60);

        projection.on(ALICE_REGISTERED, 0, REGISTERED_AT);
        projection.on(ALICE_DELETED, 1, DELETED_AT);
        projection.on(aliceAgain, 0, reRegisteredAt);
        List<Document> inOrder = documents(database, "members");

        projection.reset();
        projection.on(aliceAgain, 0, reRegisteredAt);
        projection.on(ALICE_REGISTERED, 0, REGISTERED_AT);
        projection.on(ALICE_DELETED, 1, DELETED_AT);

        assertThat(documents(database, "members")).isEqualTo(inOrder);
        assertThat(queries.find(APP, "alice").block().id()).isEqualTo(7);
        assertThat(queries.self(APP_ID, 1, "alice").blockOptional())
                .as("the deleted member's token does not show its successor").isEmpty();
    }

    private void applyHistory() {
        projection.on(ALICE_REGISTERED, 0, REGISTERED_AT);
        projection.on(ALICE_RENAMED, 1, UPDATED_AT);
        projection.on(new MemberRegistered(3, APP_ID, "bob", ALICE_PROFILE, false, 4L), 0, REGISTERED_AT);
        projection.on(new MemberDeleted(3, APP_ID, "bob"), 1, DELETED_AT);
        projection.on(new MemberRegistered(5, 200, "alice", MemberProfile.EMPTY, false, 6L), 0, UPDATED_AT);
    }
}
