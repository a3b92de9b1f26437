package io.flipflop.platform.security;

import io.flipflop.platform.Platform;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The platform alone, as every side runs it, plus {@link SecurityProbeController} behind each chain. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(Platform.class)
public class SecurityTestApplication {
}
