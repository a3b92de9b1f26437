package io.flipflop.api.user;

/** Body of {@code POST /console/v1/signup} and {@code POST /console/v1/login}. */
public record ConsoleCredentials(String email, String password) {

    /** Frameworks log decoded bodies at DEBUG through toString; the password must never be among them. */
    @Override
    public String toString() {
        return "ConsoleCredentials[email=" + email + ", password=***]";
    }
}
