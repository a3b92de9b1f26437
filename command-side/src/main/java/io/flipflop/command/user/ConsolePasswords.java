package io.flipflop.command.user;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Console passwords under a deliberately slow hash. Every check costs one BCrypt round, also for an unknown email
 * or an over-long password, so the answer time does not tell an attacker which emails have accounts.
 * Blocking and CPU-heavy: call it off the event loop.
 */
@Component
public class ConsolePasswords {

    private static final int STRENGTH = 12;

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(STRENGTH);
    /** A hash of the same cost that no password is expected to match; only its cost matters. */
    private final String dummyHash = encoder.encode("no console user has this password");

    public String hash(String password) {
        return encoder.encode(password);
    }

    /** True when {@code password} matches {@code hash}; {@code hash} null means the account does not exist. */
    public boolean matches(String password, String hash) {
        if (password == null || hash == null || !ConsoleCredentialRules.fitsBcrypt(password)) {
            encoder.matches("", dummyHash);
            return false;
        }
        return encoder.matches(password, hash);
    }
}
