package io.flipflop.api.member;

/**
 * Answer of member login, guest login and token refresh. {@code refreshToken} is our addition (D07 had it,
 * D10 dropped it); clients that ignore it lose nothing.
 */
public record MemberTokens(String accessToken, String refreshToken, String streamingToken) {

    /** Frameworks log encoded bodies at DEBUG through toString; tokens must never be among them. */
    @Override
    public String toString() {
        return "MemberTokens[***]";
    }
}
