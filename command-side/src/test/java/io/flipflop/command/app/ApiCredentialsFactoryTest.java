package io.flipflop.command.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipflop.platform.security.Sha256;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ApiCredentialsFactoryTest {

    private final ApiCredentialsFactory factory = new ApiCredentialsFactory();

    @Test
    void anApiKeyIsTwentyFourBase62Characters() {
        assertThat(factory.newCredentials().apiKey()).matches("[A-Za-z0-9]{24}");
    }

    @Test
    void aSecretIs256RandomBitsInUnpaddedBase64Url() {
        String secret = factory.newCredentials().apiSecret();
        assertThat(secret).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(32);
    }

    @Test
    void theStoredHashIsTheSha256HexOfTheSecretText() {
        var credentials = factory.newCredentials();
        assertThat(credentials.apiSecretHash())
                .isEqualTo(Sha256.hex(credentials.apiSecret()))
                .matches("[0-9a-f]{64}");
        // the SHA-256 test vector of "abc"
        assertThat(Sha256.hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void everyCallMakesNewCredentials() {
        var first = factory.newCredentials();
        var second = factory.newCredentials();
        assertThat(second.apiKey()).isNotEqualTo(first.apiKey());
        assertThat(second.apiSecret()).isNotEqualTo(first.apiSecret());
    }

    @Test
    void theSecretNeverShowsInTheTextOfTheCredentials() {
        var credentials = factory.newCredentials();
        assertThat(credentials.toString()).doesNotContain(credentials.apiSecret())
                .doesNotContain(credentials.apiSecretHash());
    }
}
