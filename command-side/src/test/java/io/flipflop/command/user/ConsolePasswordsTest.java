package io.flipflop.command.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsolePasswordsTest {

    private final ConsolePasswords passwords = new ConsolePasswords();

    @Test
    void thePasswordMatchesItsSlowHashAndNothingElseDoes() {
        String hash = passwords.hash("correct horse");
        assertThat(hash).startsWith("$2a$12$").doesNotContain("correct horse");
        assertThat(passwords.matches("correct horse", hash)).isTrue();
        assertThat(passwords.matches("correct horsf", hash)).isFalse();
    }

    @Test
    void anUnknownAccountOrAnOverLongPasswordNeverMatches() {
        String hash = passwords.hash("correct horse");
        assertThat(passwords.matches("correct horse", null)).isFalse();
        assertThat(passwords.matches("p".repeat(100), hash)).isFalse();
        assertThat(passwords.matches(null, hash)).isFalse();
    }
}
