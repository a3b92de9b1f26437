package io.flipflop.command.token;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.security.AuthenticatedMember;
import io.flipflop.platform.security.Sha256;
import io.flipflop.platform.security.TokenSettings;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Refresh tokens (our addition to FlipFlop, SPEC §3): opaque 256-bit random strings, single use and rotating.
 * Every login starts a family; each refresh spends the presented token and hands out the next one of the same
 * family. Presenting a spent token means it was copied (the thief or the owner used it second), so the whole
 * family is revoked and whoever holds its newest token must log in again.
 * <p>
 * Only the SHA-256 of a token is stored ({@value #TOKENS}: {@code {_id: hash, familyId, appId, memberId,
 * appUserId, username, guest, expiresAt, spent}}; {@value #FAMILIES}: {@code {_id: familyId, revoked,
 * expiresAt}}), so a database leak yields no usable token. Every hot access is by {@code _id}. TTL indexes on
 * {@code expiresAt} let a real MongoDB drop expired documents (the embedded server ignores them and keeps all).
 * Blocking: call off the event loop.
 */
@Component
public class RefreshTokens {

    static final String TOKENS = "refresh_tokens";
    static final String FAMILIES = "refresh_token_families";

    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);

    private final MongoCollection<Document> tokens;
    private final MongoCollection<Document> families;
    private final TokenSettings settings;
    private final SecureRandom random = new SecureRandom();

    public RefreshTokens(MongoDatabase database, TokenSettings settings) {
        this.tokens = database.getCollection(TOKENS);
        this.families = database.getCollection(FAMILIES);
        this.settings = settings;
        IndexOptions expireAtTheStoredInstant = new IndexOptions().expireAfter(0L, TimeUnit.SECONDS);
        tokens.createIndex(Indexes.ascending("expiresAt"), expireAtTheStoredInstant);
        families.createIndex(Indexes.ascending("expiresAt"), expireAtTheStoredInstant);
        families.createIndex(Indexes.ascending("appId", "memberId"));
    }

    /** Starts the family of a fresh login and returns its first token. */
    public String startFamily(AuthenticatedMember member) {
        String familyId = randomBase64Url(16);
        Instant expiresAt = Instant.now().plus(settings.refreshTtl());
        families.insertOne(new Document("_id", familyId)
                .append("appId", member.appId())
                .append("memberId", member.memberId())
                .append("revoked", false)
                .append("expiresAt", Date.from(expiresAt)));
        return issue(familyId, member, expiresAt);
    }

    /**
     * Spends {@code presented} and returns its member with the next token of the family. Throws 401
     * {@code INVALID_REFRESH_TOKEN} when the token is unknown, expired, spent (revoking the family) or of a
     * revoked family.
     */
    public Rotation rotate(String presented) {
        if (presented == null || presented.isBlank()) {
            throw invalid();
        }
        String hash = Sha256.hex(presented);
        Instant now = Instant.now();
        // Atomic: of two requests racing with one token, exactly one finds it unspent.
        Document token = tokens.findOneAndUpdate(Filters.and(Filters.eq("_id", hash), Filters.eq("spent", false)),
                Updates.combine(Updates.set("spent", true), Updates.set("spentAt", Date.from(now))));
        if (token == null) {
            Document spent = tokens.find(Filters.eq("_id", hash)).first();
            if (spent != null) {
                revokeFamily(spent);
            }
            throw invalid();
        }
        if (!token.getDate("expiresAt").toInstant().isAfter(now)) {
            throw invalid();
        }
        String familyId = token.getString("familyId");
        Instant expiresAt = now.plus(settings.refreshTtl());
        // Checks the family is alive and keeps it as long as its newest token, in one write.
        Bson alive = Filters.and(Filters.eq("_id", familyId), Filters.eq("revoked", false));
        if (families.updateOne(alive, Updates.set("expiresAt", Date.from(expiresAt))).getMatchedCount() == 0) {
            throw invalid();
        }
        AuthenticatedMember member = new AuthenticatedMember(token.get("appId", Number.class).longValue(),
                token.get("memberId", Number.class).longValue(), token.getString("appUserId"),
                token.getString("username"), token.getBoolean("guest", false));
        return new Rotation(member, issue(familyId, member, expiresAt));
    }

    /**
     * Revokes every family of the member, so none of its refresh tokens works again (a deleted member). Returns
     * how many families were still alive. Idempotent.
     */
    public long revokeMember(long appId, long memberId) {
        return families.updateMany(Filters.and(Filters.eq("appId", appId), Filters.eq("memberId", memberId),
                        Filters.eq("revoked", false)), Updates.set("revoked", true))
                .getModifiedCount();
    }

    private String issue(String familyId, AuthenticatedMember member, Instant expiresAt) {
        String token = randomBase64Url(32);
        tokens.insertOne(new Document("_id", Sha256.hex(token))
                .append("familyId", familyId)
                .append("appId", member.appId())
                .append("memberId", member.memberId())
                .append("appUserId", member.appUserId())
                .append("username", member.username())
                .append("guest", member.guest())
                .append("expiresAt", Date.from(expiresAt))
                .append("spent", false));
        return token;
    }

    private void revokeFamily(Document spentToken) {
        String familyId = spentToken.getString("familyId");
        families.updateOne(Filters.eq("_id", familyId), Updates.set("revoked", true));
        // The family id is a handle for investigation, not a credential.
        log.warn("Spent refresh token presented again: revoked token family {} of member {} in app {}",
                familyId, spentToken.get("memberId"), spentToken.get("appId"));
    }

    static ApiException invalid() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "INVALID_REFRESH_TOKEN",
                "The refresh token is unknown, expired or already used; log in again");
    }

    private String randomBase64Url(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    /** The member a spent refresh token stood for, and the family's next token. */
    public record Rotation(AuthenticatedMember member, String refreshToken) {
    }
}
