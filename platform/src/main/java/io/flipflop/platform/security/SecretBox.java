package io.flipflop.platform.security;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.flipflop.api.app.SealedSecret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.stereotype.Component;

/**
 * Encrypts the secrets FlipFlop must give back later, unlike API secrets and passwords, which are only ever
 * compared and so are hashed: a webhook's callback password (sent as Basic auth) and its signing secret (the HMAC
 * key). AES-256-GCM with a random 96-bit nonce per secret; the result names its key, so keys can be added later
 * without re-encrypting what was sealed before.
 * <p>
 * The keys are kept like the JWT signing keys ({@link SigningKeys}): in MongoDB (collection {@value #COLLECTION}),
 * shared by every node of every side, created on first start. Sealed secrets live in the event store, so a copy
 * of the events alone (an export, a leaked backup of that collection, the audit API) reveals no secret; whoever
 * can read {@value #COLLECTION} as well can decrypt them, so protect the database as the credential it is.
 */
@Component
public class SecretBox {

    public static final String COLLECTION = "secret_keys";

    private static final String AES = "AES";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BITS = 256;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MongoCollection<Document> collection;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKey> keys = new ConcurrentHashMap<>();
    private final String sealingKeyId;

    public SecretBox(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
        Document newest = collection.find().sort(Sorts.descending("createdAt", "_id")).first();
        if (newest == null) {
            // First start against this database. Two nodes starting together may each add one; both stay usable.
            newest = new Document("_id", UUID.randomUUID().toString()).append("createdAt", new Date())
                    .append("key", new Binary(generate().getEncoded()));
            collection.insertOne(newest);
        }
        this.sealingKeyId = newest.getString("_id");
        keys.put(sealingKeyId, keyOf(newest));
    }

    public SealedSecret seal(String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] encrypted = crypt(Cipher.ENCRYPT_MODE, keys.get(sealingKeyId), nonce,
                secret.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = ByteBuffer.allocate(nonce.length + encrypted.length).put(nonce).put(encrypted).array();
        return new SealedSecret(sealingKeyId + ":" + Base64.getEncoder().encodeToString(sealed));
    }

    /** The clear text; fails when the sealed form was altered or its key is unknown. Blocking on a new key id. */
    public String open(SealedSecret sealed) {
        String ciphertext = sealed.ciphertext();
        int colon = ciphertext.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("Not a sealed secret");
        }
        SecretKey key = keys.computeIfAbsent(ciphertext.substring(0, colon), this::load);
        byte[] bytes = Base64.getDecoder().decode(ciphertext.substring(colon + 1));
        byte[] nonce = Arrays.copyOf(bytes, NONCE_BYTES);
        byte[] encrypted = Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length);
        return new String(crypt(Cipher.DECRYPT_MODE, key, nonce, encrypted), StandardCharsets.UTF_8);
    }

    private SecretKey load(String keyId) {
        Document document = collection.find(new Document("_id", keyId)).first();
        if (document == null) {
            throw new IllegalStateException("No secret key " + keyId);
        }
        return keyOf(document);
    }

    private static SecretKey keyOf(Document document) {
        return new SecretKeySpec(document.get("key", Binary.class).getData(), AES);
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // Never passes the input on: it may be the clear secret.
            throw new IllegalStateException("Secret " + (mode == Cipher.ENCRYPT_MODE ? "sealing" : "opening")
                    + " failed: " + e.getClass().getSimpleName());
        }
    }

    private static SecretKey generate() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance(AES);
            generator.init(KEY_BITS);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform must provide AES", e);
        }
    }
}
