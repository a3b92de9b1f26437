package io.flipflop.command.app;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flipflop.api.app.AppCredentials;
import io.flipflop.api.app.AppWithCredentials;
import io.flipflop.command.testsupport.AxonOnMongo;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.ids.IdGenerator;
import io.flipflop.platform.security.AppCredentialsDirectory;
import io.flipflop.platform.security.ConsoleUser;
import io.flipflop.platform.security.Sha256;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Apps and their credentials through a real Axon configuration and MongoDB-wire server. */
class AppServiceTest {

    private static final ConsoleUser OWNER = new ConsoleUser(3, "owner@example.com");
    private static final ConsoleUser OTHER_USER = new ConsoleUser(4, "other@example.com");

    @RegisterExtension
    static final AxonOnMongo fixture = new AxonOnMongo();

    private Configuration axon;
    private MongoDatabase database;
    private MongoCollection<Document> credentials;
    private AppService apps;

    @BeforeEach
    void setUp() {
        database = fixture.freshDatabase();
        credentials = database.getCollection(AppCredentialsDirectory.COLLECTION);
        Configurer configurer = AxonOnMongo.inMemoryAxon(App.class)
                .registerEventHandler(c -> new AppCredentialsKeeper(database, c.eventStore()));
        new AppCredentialsProcessing().appCredentialsInCommandThread().configureModule(configurer);
        axon = fixture.start(configurer);
        apps = new AppService(new AppCommands(axon.commandGateway()), new ApiCredentialsFactory(),
                new IdGenerator(database));
    }

    @Test
    void aNewAppsCredentialsWorkAsSoonAsTheyAreShown() {
        AppWithCredentials created = apps.create(OWNER, "  Live Shop ").block();

        assertThat(created.app().name()).isEqualTo("Live Shop");
        assertThat(created.app().state()).isEqualTo("ACTIVE");
        assertThat(created.app().apiKey()).isEqualTo(created.credentials().apiKey());
        assertThat(created.app().createdAt()).isNotNull().isEqualTo(created.app().lastModifiedAt());
        assertThat(credentials.find(eq("_id", created.credentials().apiKey())).first())
                .isEqualTo(new Document("_id", created.credentials().apiKey())
                        .append(AppCredentialsDirectory.APP_ID, created.app().id())
                        .append(AppCredentialsDirectory.NAME, "Live Shop")
                        .append(AppCredentialsDirectory.SECRET_HASH,
                                Sha256.hex(created.credentials().apiSecret())));
    }

    @Test
    void theSecretItselfIsStoredNowhere() {
        AppWithCredentials created = apps.create(OWNER, "Live Shop").block();
        String secret = created.credentials().apiSecret();

        for (String collection : database.listCollectionNames()) {
            for (Document document : database.getCollection(collection).find()) {
                assertThat(document.toJson()).as(collection).doesNotContain(secret);
            }
        }
        assertThat(axon.eventStore().readEvents(String.valueOf(created.app().id())).asStream())
                .allSatisfy(event -> assertThat(event.getPayload().toString()).doesNotContain(secret));
    }

    @Test
    void anAppWithoutANameIsRejected() {
        assertThatThrownBy(() -> apps.create(OWNER, " ").block())
                .isInstanceOf(ApiException.class)
                .hasFieldOrPropertyWithValue("errorCode", "EMPTY_APP_NAME");
        assertThatThrownBy(() -> apps.create(OWNER, null).block())
                .hasFieldOrPropertyWithValue("errorCode", "EMPTY_APP_NAME");
        assertThat(credentials.countDocuments()).isZero();
    }

    @Test
    void rotatingRevokesTheOldKeyAtOnceAndKeepsTheAppsName() {
        AppWithCredentials created = apps.create(OWNER, "Live Shop").block();

        AppCredentials rotated = apps.rotateCredentials(OWNER, created.app().id()).block();

        assertThat(rotated.appId()).isEqualTo(created.app().id());
        assertThat(rotated.apiKey()).isNotEqualTo(created.credentials().apiKey());
        assertThat(credentials.find(eq("_id", created.credentials().apiKey())).first()).isNull();
        assertThat(credentials.find(eq("_id", rotated.apiKey())).first())
                .containsEntry(AppCredentialsDirectory.NAME, "Live Shop")
                .containsEntry(AppCredentialsDirectory.SECRET_HASH,
                        Sha256.hex(rotated.apiSecret()));
    }

    @Test
    void rotatingAfterTheKeysDocumentWasLostRecoversTheNameFromTheAppsHistory() {
        AppWithCredentials created = apps.create(OWNER, "Live Shop").block();
        credentials.deleteMany(new Document());

        AppCredentials rotated = apps.rotateCredentials(OWNER, created.app().id()).block();

        assertThat(credentials.find(eq("_id", rotated.apiKey())).first())
                .containsEntry(AppCredentialsDirectory.NAME, "Live Shop");
    }

    @Test
    void anotherUsersAppAndAnUnknownAppAreNotFound() {
        AppWithCredentials created = apps.create(OWNER, "Live Shop").block();

        assertThatThrownBy(() -> apps.rotateCredentials(OTHER_USER, created.app().id()).block())
                .isInstanceOf(ApiException.class)
                .hasFieldOrPropertyWithValue("errorCode", "APP_NOT_FOUND");
        assertThatThrownBy(() -> apps.rotateCredentials(OWNER, 999_999).block())
                .isInstanceOf(ApiException.class)
                .hasFieldOrPropertyWithValue("errorCode", "APP_NOT_FOUND");
        assertThat(credentials.find(eq("_id", created.credentials().apiKey())).first()).isNotNull();
    }
}
