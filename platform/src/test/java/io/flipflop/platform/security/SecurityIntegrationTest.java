package io.flipflop.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The real platform on a random port with the embedded MongoDB-wire server. One annotation, so every
 * security test shares one cached application context. Unknown key ids reload the key set at once, so the
 * rate limit of one test does not make another wait.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"flipflop.mongodb.in-memory=true", "flipflop.tokens.unknown-key-reload-interval=0s"})
@ActiveProfiles(SecurityProbeController.PROFILE)
public @interface SecurityIntegrationTest {
}
