package io.flipflop.api.member;

/** Body of {@code POST /v2/members/me/tokens/refresh}: the refresh token is the credential. */
public record RefreshTokensRequest(String refreshToken) {

    /** Frameworks log decoded bodies at DEBUG through toString; the refresh token must never be among them. */
    @Override
    public String toString() {
        return "RefreshTokensRequest[refreshToken=***]";
    }
}
