package io.flipflop.command.user;

import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.error.DomainRejection;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** What a console sign-up must satisfy. Emails are compared lower-cased, so one address is one account. */
public final class ConsoleCredentialRules {

    static final int MIN_PASSWORD_LENGTH = 8;
    /** BCrypt reads at most 72 bytes, and Spring Security refuses longer input rather than silently truncating. */
    static final int MAX_PASSWORD_BYTES = 72;
    private static final int MAX_EMAIL_LENGTH = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private ConsoleCredentialRules() {
    }

    public static String normalizedEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    /** Also an invariant of {@link UserAccount}, hence a {@link DomainRejection}. */
    public static void checkEmail(String email) {
        if (email == null || email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
            throw new DomainRejection("INVALID_EMAIL", "Not a valid email address");
        }
    }

    public static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw ApiException.badRequest("PASSWORD_TOO_SHORT",
                    "The password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (!fitsBcrypt(password)) {
            throw ApiException.badRequest("PASSWORD_TOO_LONG",
                    "The password may have at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8");
        }
    }

    static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    }
}
