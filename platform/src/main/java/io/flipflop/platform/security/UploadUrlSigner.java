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
 * Signs and checks the part upload URLs of video posts (reference §10.6): the command side hands them out, the media
 * worker that stores the parts checks them, so the PUT needs no other credential. The HMAC-SHA256 covers the post,
 * the upload, the part, the declared source size and the expiry. The key is made once, at random, and kept in
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

    public UploadUrlSigner(MongoDatabase database) {
        this.database = database;
    }

    public String signature(PartGrant grant) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key());
            String text = grant.videoPostId() + "\n" + grant.uploadId() + "\n" + grant.partNumber() + "\n"
                    + grant.sourceSize() + "\n" + grant.expires().getEpochSecond();
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Whether {@code signature} is the grant's and the grant has not expired at {@code now}; constant time. */
    public boolean verify(PartGrant grant, String signature, Instant now) {
        if (signature == null || grant.expires().isBefore(now)) {
            return false;
        }
        return MessageDigest.isEqual(signature(grant).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
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
