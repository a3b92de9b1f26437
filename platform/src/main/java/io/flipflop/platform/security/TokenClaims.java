package io.flipflop.platform.security;

/**
 * The shape of FlipFlop's JWTs, written by the issuer and read by the verifiers. The access token copies
 * FlipFlop Cloud's claims (reference §3.2: {@code iss} "FlipFlop", a nested {@code claims} object) so that
 * clients that peek into it keep working; the audience tells the three kinds of token apart, so a streaming
 * token or a console session is never accepted as a member access token.
 */
public final class TokenClaims {

    public static final String ISSUER = "FlipFlop";

    public static final String AUDIENCE_API = "api";
    public static final String AUDIENCE_STREAMING = "streaming";
    public static final String AUDIENCE_CONSOLE = "console";

    /** The nested object of FlipFlop's access token; streaming tokens use the same name. */
    public static final String CLAIMS = "claims";
    public static final String APP_ID = "appId";
    public static final String TYPE = "type";
    public static final String APP_USER_ID = "appUserId";
    public static final String MEMBER_ID = "memberId";
    public static final String USERNAME = "username";

    /** Top-level claim of a console session. */
    public static final String EMAIL = "email";

    public static final String TYPE_MEMBER = "MEMBER";
    public static final String TYPE_GUEST = "GUEST";
    /** An app-wide streaming token ({@code POST /v2/apps/me/streaming-tokens}): the app, no member. */
    public static final String TYPE_APP = "APP";

    private TokenClaims() {
    }
}
