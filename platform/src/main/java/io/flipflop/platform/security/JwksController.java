package io.flipflop.platform.security;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Publishes the public signing keys, so anyone (a media edge, an app server) can verify FlipFlop's tokens
 * offline. Served by every side, since the reverse proxy of the split deployment sends GETs to the query side.
 */
@RestController
public class JwksController {

    public static final String PATH = "/.well-known/jwks.json";

    private final SigningKeys signingKeys;

    public JwksController(SigningKeys signingKeys) {
        this.signingKeys = signingKeys;
    }

    @Operation(summary = "Public keys (JWKS) that verify FlipFlop's access, streaming and console tokens")
    @GetMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Map<String, Object>>> jwks() {
        // Short caching: verifiers must see a rotated key soon, and old keys stay published long after.
        return signingKeys.publishedKeys().map(keys -> ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(keys.toJSONObject(true)));
    }
}
