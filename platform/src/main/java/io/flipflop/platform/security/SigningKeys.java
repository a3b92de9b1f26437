package io.flipflop.platform.security;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The ES256 (EC P-256) keys that sign FlipFlop's JWTs, kept in MongoDB (collection {@value #COLLECTION}) so
 * every node of every side signs and verifies with the same set. The newest unretired key signs; older keys
 * stay published (JWKS) and accepted until every token they signed has expired, then they are retired.
 * <p>
 * Document: {@code {_id: kid, createdAt, retireAt (set when superseded), jwk: private JWK as JSON}}. The
 * private key material is stored in the database in clear: anyone who can read {@value #COLLECTION} can
 * mint tokens, so the database must be protected like the credential it is (access control, encrypted
 * backups). FlipFlop never logs key material, only key ids; the MongoDB driver's command logger
 * ({@code org.mongodb.driver.protocol.command}) prints whole documents at DEBUG, so keep it at INFO in production.
 * <p>
 * Keys are cached in memory and re-read once the copy is older than {@link #REFRESH_AFTER}, or when a token names
 * an unknown {@code kid} (another node rotated), rate-limited by
 * {@link TokenSettings#unknownKeyReloadInterval()}. Reads are blocking and happen off the event loop.
 */
@Component
public class SigningKeys {

    public static final String COLLECTION = "signing_keys";

    /** How long a node may keep signing with a key another node superseded, and keep serving a stale set. */
    static final Duration REFRESH_AFTER = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final MongoCollection<Document> collection;
    private final TokenSettings settings;
    private final AtomicReference<KeyRing> ring = new AtomicReference<>();

    public SigningKeys(MongoDatabase database, TokenSettings settings) {
        this.collection = database.getCollection(COLLECTION);
        this.settings = settings;
        KeyRing loaded = load();
        if (loaded.keys().isEmpty()) {
            // First start against this database. Two nodes starting together may both create one; the newer
            // signs and both are published, which is harmless.
            insert(generate());
            loaded = load();
        }
        ring.set(loaded);
    }

    /** The private key new tokens are signed with. Blocking when the cached set is stale. */
    public ECKey signingKey() {
        return fresh().current();
    }

    /** The public keys of every unretired key, for {@code /.well-known/jwks.json}. */
    public Mono<JWKSet> publishedKeys() {
        return Mono.fromCallable(() -> new JWKSet(new ArrayList<JWK>(fresh().keys())).toPublicJWKSet())
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * The public key with this {@code kid}, reloading the set when the id is unknown (another node may have
     * rotated) unless a reload happened within the rate limit. Empty when no such key is live.
     */
    public Mono<JWK> verificationKey(String kid) {
        KeyRing cached = ring.get();
        Optional<ECKey> key = cached.find(kid);
        if (key.isPresent() && !cached.staleAt(Instant.now())) {
            return Mono.just(key.get().toPublicJWK());
        }
        return Mono.fromCallable(() -> reloadFor(kid, cached).<JWK>map(ECKey::toPublicJWK))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::justOrEmpty);
    }

    /**
     * Makes a new signing key current. Every older key is scheduled for retirement once all tokens it can
     * have signed have expired: the longest token lifetime, plus the time other nodes may still be signing
     * with their cached copy. Keys past their retirement are deleted. Returns the new key's id.
     */
    public String rotate() {
        Instant now = Instant.now();
        ECKey next = generate();
        insert(next);
        Instant retireAt = now.plus(settings.longestSignedTokenTtl()).plus(REFRESH_AFTER);
        collection.updateMany(Filters.and(Filters.ne("_id", next.getKeyID()), Filters.exists("retireAt", false)),
                Updates.set("retireAt", Date.from(retireAt)));
        collection.deleteMany(Filters.lt("retireAt", Date.from(now)));
        ring.set(load());
        log.info("Signing key rotated: new kid {}; older keys retire at {}", next.getKeyID(), retireAt);
        return next.getKeyID();
    }

    private KeyRing fresh() {
        KeyRing cached = ring.get();
        if (!cached.staleAt(Instant.now())) {
            return cached;
        }
        KeyRing loaded = load();
        ring.set(loaded);
        return loaded;
    }

    private Optional<ECKey> reloadFor(String kid, KeyRing seen) {
        Instant now = Instant.now();
        KeyRing current = ring.get();
        boolean unknown = current.find(kid).isEmpty();
        boolean mayReload = current.staleAt(now)
                || (unknown && !now.isBefore(current.loadedAt().plus(settings.unknownKeyReloadInterval())));
        // Another caller may have reloaded since we looked; only the first one pays.
        if (mayReload && current == seen) {
            current = load();
            ring.set(current);
        }
        return current.find(kid);
    }

    private KeyRing load() {
        Date now = new Date();
        List<ECKey> keys = new ArrayList<>();
        for (Document document : collection.find(Filters.or(Filters.exists("retireAt", false), Filters.gt("retireAt", now)))
                .sort(Sorts.orderBy(Sorts.descending("createdAt"), Sorts.descending("_id")))) {
            keys.add(parse(document));
        }
        return new KeyRing(List.copyOf(keys), Instant.now());
    }

    private void insert(ECKey key) {
        collection.insertOne(new Document("_id", key.getKeyID())
                .append("createdAt", new Date())
                .append("jwk", key.toJSONString()));
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an EC P-256 key", e);
        }
    }

    private static ECKey parse(Document document) {
        try {
            return ECKey.parse(document.getString("jwk"));
        } catch (ParseException e) {
            // The message of a JWK parse error may quote the key material, so it is not passed on.
            throw new IllegalStateException("Unreadable signing key " + document.get("_id"));
        }
    }

    /** The live keys, newest (the signing key) first, and when they were read. */
    private record KeyRing(List<ECKey> keys, Instant loadedAt) {

        ECKey current() {
            return keys.get(0);
        }

        Optional<ECKey> find(String kid) {
            return keys.stream().filter(key -> key.getKeyID().equals(kid)).findFirst();
        }

        boolean staleAt(Instant now) {
            return now.isAfter(loadedAt.plus(REFRESH_AFTER));
        }
    }
}
