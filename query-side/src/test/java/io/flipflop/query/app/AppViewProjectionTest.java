package io.flipflop.query.app;

import static io.flipflop.query.testsupport.ReadModelChecks.assertReplayAfterResetRebuildsIdenticalDocuments;
import static io.flipflop.query.testsupport.TestDatabases.documents;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.app.AppCreated;
import io.flipflop.api.app.AppCredentialsRotated;
import io.flipflop.api.app.AppDefaultRtmpOutputModeChanged;
import io.flipflop.api.app.AppRef;
import io.flipflop.api.app.AppView;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.query.testsupport.TestDatabases;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AppViewProjectionTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private static final long OWNER = 1;
    private static final long SOMEONE_ELSE = 2;
    private static final Instant CREATED_AT = Instant.parse("2026-11-28T10:00:00.125Z");
    private static final Instant ROTATED_AT = Instant.parse("2026-11-28T11:00:00.250Z");

    private static final AppCreated SPORTY_CREATED = new AppCreated(10, OWNER, "Sporty", "key-1", "hash-1");
    private static final AppCredentialsRotated SPORTY_ROTATED =
            new AppCredentialsRotated(10, "key-1", "key-2", "hash-2");

    private MongoDatabase database;
    private AppViewProjection projection;
    private AppQueries queries;

    @BeforeEach
    void freshReadModel() {
        database = databases.fresh();
        projection = new AppViewProjection(database);
        queries = new AppQueries(database);
    }

    @Test
    void createdAppIsShownToItsOwnerWithoutTheSecret() {
        projection.on(SPORTY_CREATED, 0, CREATED_AT);

        AppView sporty = new AppView(10, "ACTIVE", "Sporty", "key-1", OutputMode.CMAF, CREATED_AT, CREATED_AT);
        assertThat(queries.ownedBy(OWNER).collectList().block()).containsExactly(sporty);
        assertThat(queries.ownedBy(OWNER, 10).block()).isEqualTo(sporty);
        assertThat(documents(database, "apps")).singleElement()
                .satisfies(app -> assertThat(app.toJson()).doesNotContain("hash-1"));
    }

    @Test
    void anotherUsersAppIsNeitherListedNorFound() {
        projection.on(SPORTY_CREATED, 0, CREATED_AT);

        assertThat(queries.ownedBy(SOMEONE_ELSE).collectList().block()).isEmpty();
        assertThat(queries.ownedBy(SOMEONE_ELSE, 10).blockOptional()).isEmpty();
    }

    @Test
    void appsAreListedNewestFirst() {
        projection.on(SPORTY_CREATED, 0, CREATED_AT);
        projection.on(new AppCreated(11, OWNER, "Cooky", "key-3", "hash-3"), 0, CREATED_AT.plusSeconds(60));
        projection.on(new AppCreated(12, OWNER, "Nerdy", "key-4", "hash-4"), 0, CREATED_AT.plusSeconds(30));

        assertThat(queries.ownedBy(OWNER).map(AppView::name).collectList().block())
                .containsExactly("Cooky", "Nerdy", "Sporty");
    }

    @Test
    void rotatedCredentialsShowTheNewApiKey() {
        projection.on(SPORTY_CREATED, 0, CREATED_AT);

        projection.on(SPORTY_ROTATED, 1, ROTATED_AT);

        assertThat(queries.ownedBy(OWNER, 10).block())
                .isEqualTo(new AppView(10, "ACTIVE", "Sporty", "key-2", OutputMode.CMAF, CREATED_AT, ROTATED_AT));
    }

    @Test
    void aChangedDefaultOutputModeIsShown() {
        projection.on(SPORTY_CREATED, 0, CREATED_AT);

        projection.on(new AppDefaultRtmpOutputModeChanged(10, OutputMode.RTMP), 1, ROTATED_AT);

        assertThat(queries.ownedBy(OWNER, 10).block())
                .isEqualTo(new AppView(10, "ACTIVE", "Sporty", "key-1", OutputMode.RTMP, CREATED_AT, ROTATED_AT));
    }

    @Test
    void theSameEventAppliedTwiceLeavesAnIdenticalDocument() {
        projection.on(SPORTY_CREATED, 0, CREATED_AT);
        projection.on(SPORTY_ROTATED, 1, ROTATED_AT);
        List<Document> rotated = documents(database, "apps");

        projection.on(SPORTY_ROTATED, 1, ROTATED_AT);
        projection.on(SPORTY_CREATED, 0, CREATED_AT);

        assertThat(documents(database, "apps")).isEqualTo(rotated);
    }

    @Test
    void replayFromZeroAfterResetRebuildsIdenticalDocuments() {
        assertReplayAfterResetRebuildsIdenticalDocuments(database, projection::reset, this::applyHistory, "apps");
    }

    @Test
    void appReferenceNamesTheAppAndStillExistsBeforeTheAppIsProjected() {
        projection.on(SPORTY_CREATED, 0, CREATED_AT);

        assertThat(queries.ref(10).block()).isEqualTo(new AppRef(10, "ACTIVE", "Sporty"));
        assertThat(queries.ref(99).block()).isEqualTo(new AppRef(99, "ACTIVE", null));
    }

    private void applyHistory() {
        projection.on(SPORTY_CREATED, 0, CREATED_AT);
        projection.on(SPORTY_ROTATED, 1, ROTATED_AT);
        projection.on(new AppDefaultRtmpOutputModeChanged(10, OutputMode.RTMP_CMAF), 2, ROTATED_AT);
        projection.on(new AppCreated(11, SOMEONE_ELSE, "Cooky", "key-3", "hash-3"), 0, ROTATED_AT);
    }
}
