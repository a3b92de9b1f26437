package io.flipflop.api.member;

/** Body of {@code POST /v2/members/me/tokens/refresh}: the refresh token is the credential. */
public record RefreshTokensRequest(String refreshToken) {
}
