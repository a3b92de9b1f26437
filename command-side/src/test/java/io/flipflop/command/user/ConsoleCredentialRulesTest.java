package io.flipflop.command.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flipflop.platform.error.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ConsoleCredentialRulesTest {

    @Test
    void emailsAreComparedTrimmedAndLowerCased() {
        assertThat(ConsoleCredentialRules.normalizedEmail("  Ada@Example.COM ")).isEqualTo("ada@example.com");
        assertThat(ConsoleCredentialRules.normalizedEmail(null)).isEmpty();
    }

    @Test
    void anAddressWithALocalPartAndADomainIsAnEmail() {
        assertThatCode(() -> ConsoleCredentialRules.checkEmail("ada@example.com")).doesNotThrowAnyException();
    }

    @Test
    void somethingElseIsNotAnEmail() {
        for (String notAnEmail : new String[] {"", "ada", "ada@", "@example.com", "ada@example", "a da@example.com",
                "ada@@example.com", "x".repeat(250) + "@example.com"}) {
            assertThatThrownBy(() -> ConsoleCredentialRules.checkEmail(notAnEmail))
                    .as(notAnEmail)
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo("INVALID_EMAIL");
                        assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    });
        }
        assertThatThrownBy(() -> ConsoleCredentialRules.checkEmail(null)).isInstanceOf(ApiException.class);
    }

    @Test
    void aPasswordNeedsEightCharacters() {
        assertThatCode(() -> ConsoleCredentialRules.checkPassword("12345678")).doesNotThrowAnyException();
        assertThatThrownBy(() -> ConsoleCredentialRules.checkPassword("1234567"))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("PASSWORD_TOO_SHORT"));
        assertThatThrownBy(() -> ConsoleCredentialRules.checkPassword(null))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("PASSWORD_TOO_SHORT"));
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefusedRatherThanCut() {
        assertThatCode(() -> ConsoleCredentialRules.checkPassword("p".repeat(72))).doesNotThrowAnyException();
        assertThatThrownBy(() -> ConsoleCredentialRules.checkPassword("p".repeat(73)))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("PASSWORD_TOO_LONG"));
        // 36 two-byte characters are 72 bytes; one more is too many
        assertThatThrownBy(() -> ConsoleCredentialRules.checkPassword("é".repeat(37)))
                .isInstanceOf(ApiException.class);
    }
}
