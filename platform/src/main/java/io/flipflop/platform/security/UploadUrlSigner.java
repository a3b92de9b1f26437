package io.flipflop.platform.security;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Signs and checks the upload URLs of video posts (parts of a source, reference §10.6; thumbnails and previews,
 * §10.8): the command side hands them out, the media worker that stores the bytes checks them, so the PUT needs no
 * other credential. The HMAC-SHA256 covers the post, the upload, the part (or the asset), the declared size and the
 * expiry. The key is made once, at random, and kept in
 * MongoDB, so every node of a split deployment shares it without configuration and a restart keeps URLs valid.
 */
@Component
public class UploadUrlSigner {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String KEY_ID = "upload-url-key";

    private final MongoDatabase database;
    private volatile SecretKeySpec key;

    /** The signed fields of one part's URL. */
    public record PartGrant(long videoPostId, String uploadId, int partNumber, long sourceSize, Instant expires) {
    }

    /**
     * The signed fields of a thumbnail's or preview's URL ({@code asset}). Its signed text starts with a word, a
     * part's with a number, so neither signature is ever valid for the other.
     */
    public record AssetGrant(long videoPostId, String asset, String uploadId, long size, Instant expires) {
    }

    public UploadUrlSigner(MongoDatabase database) {
        this.database = database;
    }

    public String signature(PartGrant grant) {
        return sign(grant.videoPostId() + "\n" + grant.uploadId() + "\n" + grant.partNumber() + "\n"
                + grant.sourceSize() + "\n" + grant.expires().getEpochSecond());
    }

    public String signature(AssetGrant grant) {
        return sign("asset\n" + grant.asset() + "\n" + grant.videoPostId() + "\n" + grant.uploadId() + "\n"
                + grant.size() + "\n" + grant.expires().getEpochSecond());
    }

    /** Whether {@code signature} is the grant's and the grant has not expired at {@code now}; constant time. */
    public boolean verify(PartGrant grant, String signature, Instant now) {
        return !grant.expires().isBefore(now) && matches(signature(grant), signature);
    }

    /** As {@link #verify(PartGrant, String, Instant)}, for a thumbnail's or preview's URL. */
    public boolean verify(AssetGrant grant, String signature, Instant now) {
        return !grant.expires().isBefore(now) && matches(signature(grant), signature);
    }

    private static boolean matches(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key());
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            // the first node to ask creates it; every other (and every later start) reads the same one
            Document stored = database.getCollection("settings").findOneAndUpdate(eq("_id", KEY_ID),
                    Updates.setOnInsert("value", Base64.getEncoder().encodeToString(fresh)),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            current = new SecretKeySpec(Base64.getDecoder().decode(stored.getString("value")), ALGORITHM);
            key = current;
        }
        return current;
    }
}
