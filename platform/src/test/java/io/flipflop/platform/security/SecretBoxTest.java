package io.flipflop.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.flipflop.api.app.SealedSecret;
import io.flipflop.platform.mongo.EmbeddedMongoServer;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private final EmbeddedMongoServer server = EmbeddedMongoServer.inMemory();
    private final MongoClient client = MongoClients.create(server.connectionString());
    private final MongoDatabase database = client.getDatabase("secrets");

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void aSealedSecretOpensToItsClearTextAndDoesNotContainIt() {
        SecretBox box = new SecretBox(database);

        SealedSecret sealed = box.seal("hunter2-callback-password");

        assertThat(sealed.ciphertext()).doesNotContain("hunter2");
        assertThat(box.open(sealed)).isEqualTo("hunter2-callback-password");
    }

    @Test
    void sealingTheSameSecretTwiceGivesDifferentCiphertexts() {
        SecretBox box = new SecretBox(database);

        assertThat(box.seal("same").ciphertext()).isNotEqualTo(box.seal("same").ciphertext());
    }

    @Test
    void anotherNodeOnTheSameDatabaseOpensWhatOneSealed() {
        SealedSecret sealed = new SecretBox(database).seal("shared");

        assertThat(new SecretBox(database).open(sealed)).isEqualTo("shared");
    }

    @Test
    void anAlteredCiphertextDoesNotOpen() {
        SecretBox box = new SecretBox(database);
        String ciphertext = box.seal("untouchable").ciphertext();
        int colon = ciphertext.indexOf(':');
        byte[] bytes = Base64.getDecoder().decode(ciphertext.substring(colon + 1));
        bytes[bytes.length - 1] ^= 1;
        SealedSecret altered = new SealedSecret(ciphertext.substring(0, colon + 1)
                + Base64.getEncoder().encodeToString(bytes));

        assertThatThrownBy(() -> box.open(altered)).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("untouchable");
    }
}
