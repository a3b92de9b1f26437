package io.flipflop.command.token;

import io.flipflop.api.member.MemberTokens;
import io.flipflop.api.user.ConsoleSession;

/**
 * Issues the credentials FlipFlop hands out: member access, refresh and streaming tokens (SPEC §3) and console
 * sessions. Access and streaming tokens are ES256 JWTs signed with the current key of the rotatable key set
 * published at {@code /.well-known/jwks.json}; refresh tokens are opaque, single use and stored hashed.
 */
public interface TokenIssuer {

    /** Tokens for a member (or guest) that just logged in; starts a new refresh-token family. */
    MemberTokens issueMemberTokens(long appId, long memberId, String appUserId, String username, boolean guest);

    /**
     * An app-wide streaming token (reference §8): plays every room and post of the app, whatever its access
     * level, like the app server's own credentials would. Not tied to a member, so no refresh token either.
     */
    String issueAppStreamingToken(long appId);

    /** A console session for a user that just signed up or logged in. */
    ConsoleSession issueConsoleSession(long userId, String email);
}
