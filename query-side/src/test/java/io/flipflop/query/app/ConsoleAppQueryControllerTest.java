package io.flipflop.query.app;

import static io.flipflop.query.testsupport.ControllerTestClient.as;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.app.AppCreated;
import io.flipflop.platform.security.ConsoleUser;
import io.flipflop.query.testsupport.TestDatabases;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConsoleAppQueryControllerTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private static final Instant CREATED_AT = Instant.parse("2026-11-28T10:00:00.125Z");

    private ConsoleAppQueryController controller;

    @BeforeEach
    void userOneOwnsSporty() {
        MongoDatabase database = databases.fresh();
        new AppViewProjection(database).on(new AppCreated(10, 1, "Sporty", "key-1", "hash-1"), 0, CREATED_AT);
        controller = new ConsoleAppQueryController(new AppQueries(database));
    }

    @Test
    void listingAnswersAJsonArrayOfTheUsersApps() {
        as(new ConsoleUser(1, "owner@example.com"), controller)
                .get().uri("/console/v1/apps").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].id").isEqualTo(10)
                .jsonPath("$[0].name").isEqualTo("Sporty")
                .jsonPath("$[0].apiKey").isEqualTo("key-1")
                .jsonPath("$[0].apiSecretHash").doesNotExist()
                .jsonPath("$.length()").isEqualTo(1);
    }

    @Test
    void anotherUsersAppAnswers404AppNotFound() {
        as(new ConsoleUser(2, "other@example.com"), controller)
                .get().uri("/console/v1/apps/10").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("APP_NOT_FOUND");
    }
}
