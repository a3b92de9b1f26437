package io.flipflop.platform.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Cross-origin access for what browsers call directly: member clients ({@value #MEMBER_API}), web players
 * ({@value #LIVE}, {@value #VOD}) and token verifiers ({@value #JWKS}). Never for the App API, which app servers
 * call server-to-server with a secret that must not be in a browser, nor for the console, which is same-origin.
 * Credentials travel in headers and query strings, never cookies, so no CORS credentials are allowed, and any
 * origin ({@code flipflop.cors.allowed-origins}, default {@code *}) can be let in safely.
 * <p>
 * Deliberately not a {@link CorsConfigurationSource} bean: Spring Security would apply such a bean to every
 * filter chain. {@link SecurityChains} hands {@link #source()} to the chains that serve these paths, where its
 * filter answers a preflight before authentication (a browser sends no token with it).
 */
@Component
@EnableConfigurationProperties(BrowserCors.Settings.class)
public class BrowserCors {

    static final String MEMBER_API = "/v2/members/me/**";
    static final String LIVE = "/live/**";
    static final String VOD = "/vod/**";
    static final String JWKS = "/.well-known/jwks.json";
    /** Browsers cache a preflight this long, so a player polling a live playlist does not preflight each time. */
    private static final Duration PREFLIGHT_MAX_AGE = Duration.ofHours(1);

    private final UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();

    public BrowserCors(Settings settings) {
        CorsConfiguration browsers = new CorsConfiguration();
        browsers.setAllowedOrigins(settings.allowedOrigins());
        browsers.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.POST.name(), HttpMethod.PATCH.name(),
                HttpMethod.DELETE.name(), HttpMethod.OPTIONS.name()));
        browsers.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE));
        browsers.setAllowCredentials(false);
        browsers.setMaxAge(PREFLIGHT_MAX_AGE);
        for (String path : List.of(MEMBER_API, LIVE, VOD, JWKS)) {
            source.registerCorsConfiguration(path, browsers);
        }
    }

    public CorsConfigurationSource source() {
        return source;
    }

    /** @param allowedOrigins origins (scheme, host, port) browsers may call from; {@code *} for any */
    @ConfigurationProperties("flipflop.cors")
    public record Settings(List<String> allowedOrigins) {

        public Settings {
            allowedOrigins = allowedOrigins == null || allowedOrigins.isEmpty() ? List.of(CorsConfiguration.ALL)
                    : List.copyOf(allowedOrigins);
        }
    }
}
