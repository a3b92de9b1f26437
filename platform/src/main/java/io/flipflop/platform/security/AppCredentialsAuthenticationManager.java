package io.flipflop.platform.security;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.bson.Document;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Checks an app's {@code apiKey:apiSecret} against {@link AppCredentialsDirectory}: the SHA-256 of the
 * presented secret must equal the stored hash. A plain hash is enough because secrets are 256-bit random
 * (nothing to guess from a leaked hash), and it keeps every App API call cheap. The comparison is constant
 * time, and an unknown key costs the same hashing, so timing tells nothing about which part was wrong.
 */
@Component
public class AppCredentialsAuthenticationManager implements ReactiveAuthenticationManager {

    static final String ROLE = "APP";

    private final MongoCollection<Document> credentials;

    public AppCredentialsAuthenticationManager(MongoDatabase database) {
        this.credentials = database.getCollection(AppCredentialsDirectory.COLLECTION);
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        String apiKey = authentication.getName();
        byte[] presentedHash = sha256Hex(String.valueOf(authentication.getCredentials()));
        return Mono.from(credentials.find(Filters.eq("_id", apiKey)).first())
                .filter(app -> MessageDigest.isEqual(presentedHash, storedHash(app)))
                .<Authentication>map(app -> new PrincipalAuthentication(
                        new AuthenticatedApp(app.get(AppCredentialsDirectory.APP_ID, Number.class).longValue(),
                                app.getString(AppCredentialsDirectory.NAME)), ROLE))
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("Invalid app credentials")));
    }

    private static byte[] storedHash(Document app) {
        String hash = app.getString(AppCredentialsDirectory.SECRET_HASH);
        return hash == null ? new byte[0] : hash.toLowerCase().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] sha256Hex(String secret) {
        return Sha256.hex(secret).getBytes(StandardCharsets.US_ASCII);
    }
}
