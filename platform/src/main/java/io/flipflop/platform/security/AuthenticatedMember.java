package io.flipflop.platform.security;

/**
 * The principal of a member client request ({@code /v2/members/me/...}) after its access token was verified.
 * Controllers take it with {@code @AuthenticationPrincipal AuthenticatedMember member}.
 */
public record AuthenticatedMember(long appId, long memberId, String appUserId, String username, boolean guest) {
}
