package io.flipflop.platform.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import static org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers.pathMatchers;

/**
 * Who may call what, one filter chain per kind of caller, tried in order:
 * <ol>
 *   <li>{@code /v2/apps/me/**}: app servers, HTTP Basic {@code apiKey:apiSecret} → {@link AuthenticatedApp};
 *       401 {@code EMPTY_APP_CREDENTIALS} / {@code INVALID_APP_CREDENTIALS} (reference §2.2).</li>
 *   <li>{@code /v2/members/me/**} except the token refresh: member clients, Bearer access token →
 *       {@link AuthenticatedMember}; 401 {@code EMPTY_ACCESS_TOKEN} / {@code INVALID_ACCESS_TOKEN} (FlipFlop
 *       documents no codes for Bearer failures; these are ours, named like its Basic ones).</li>
 *   <li>{@code /console/v1/**} except signup, login and logout: console session as Bearer or cookie →
 *       {@link ConsoleUser}; 401 {@code EMPTY_CONSOLE_SESSION} / {@code INVALID_CONSOLE_SESSION}, and 403
 *       {@value SameOriginCookieFilter#ERROR_CODE} for a cross-origin cookie write.</li>
 *   <li>everything else (JWKS, OpenAPI, console pages, media, the refresh, signup and login, whose
 *       credential is in the body, and logout, which only clears the cookie): open; the media origin checks
 *       streaming tokens itself.</li>
 * </ol>
 * Cross-origin browser access ({@link BrowserCors}) is on for the member and open chains only.
 * <p>
 * The endpoints that take their credential in the body sit outside the authenticated chains on purpose: a
 * stale Bearer header or cookie sent along (clients refresh precisely because their token expired) must not
 * fail them.
 * <p>
 * Every chain is stateless: no server session, no saved request, no form login or browser challenge. CSRF
 * tokens are off because the API credentials are not ambient: Basic and Bearer headers are attached by the
 * caller's code and never by a browser on another site's behalf. The one ambient credential, the console
 * cookie, is guarded by SameSite=Strict and {@link SameOriginCookieFilter}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(TokenSettings.class)
public class SecurityChains {

    public static final String MEMBER_TOKEN_REFRESH_PATH = "/v2/members/me/tokens/refresh";
    public static final String CONSOLE_SIGNUP_PATH = "/console/v1/signup";
    public static final String CONSOLE_LOGIN_PATH = "/console/v1/login";
    public static final String CONSOLE_LOGOUT_PATH = "/console/v1/logout";

    @Bean
    @Order(1)
    public SecurityWebFilterChain appApiSecurity(ServerHttpSecurity http, AppCredentialsAuthenticationManager manager,
                                                 ErrorAnswers answers) {
        var entryPoint = new JsonAuthenticationEntryPoint(answers,
                new JsonAuthenticationEntryPoint.Code("EMPTY_APP_CREDENTIALS",
                        "The Authorization: Basic header with apiKey:apiSecret is missing"),
                new JsonAuthenticationEntryPoint.Code("INVALID_APP_CREDENTIALS", "The app credentials are invalid"));
        var basic = new AuthenticationWebFilter(manager);
        basic.setServerAuthenticationConverter(new AppCredentialsConverter());
        basic.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(entryPoint));
        return stateless(http, pathMatchers("/v2/apps/me/**"))
                .addFilterAt(basic, SecurityWebFiltersOrder.HTTP_BASIC)
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
                .authorizeExchange(exchanges -> exchanges.anyExchange().authenticated())
                .build();
    }

    @Bean
    @Order(2)
    public SecurityWebFilterChain memberApiSecurity(ServerHttpSecurity http, TokenDecoders decoders,
                                                    ErrorAnswers answers, BrowserCors browserCors) {
        var entryPoint = new JsonAuthenticationEntryPoint(answers,
                new JsonAuthenticationEntryPoint.Code("EMPTY_ACCESS_TOKEN",
                        "The Authorization: Bearer header with an access token is missing"),
                new JsonAuthenticationEntryPoint.Code("INVALID_ACCESS_TOKEN", "The access token is invalid or expired"));
        return stateless(http, except(pathMatchers("/v2/members/me/**"),
                pathMatchers(HttpMethod.POST, MEMBER_TOKEN_REFRESH_PATH)))
                .cors(cors -> cors.configurationSource(browserCors.source()))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationEntryPoint(entryPoint)
                        .jwt(jwt -> jwt.jwtDecoder(decoders.accessTokens())
                                .jwtAuthenticationConverter(new MemberAuthenticationConverter())))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
                .authorizeExchange(exchanges -> exchanges.anyExchange().authenticated())
                .build();
    }

    @Bean
    @Order(3)
    public SecurityWebFilterChain consoleApiSecurity(ServerHttpSecurity http, TokenDecoders decoders,
                                                     ErrorAnswers answers) {
        var entryPoint = new JsonAuthenticationEntryPoint(answers,
                new JsonAuthenticationEntryPoint.Code("EMPTY_CONSOLE_SESSION",
                        "A console session (Bearer token or " + ConsoleSessionCookie.NAME + " cookie) is missing"),
                new JsonAuthenticationEntryPoint.Code("INVALID_CONSOLE_SESSION",
                        "The console session is invalid or expired"));
        return stateless(http, except(pathMatchers("/console/v1/**"),
                pathMatchers(HttpMethod.POST, CONSOLE_SIGNUP_PATH, CONSOLE_LOGIN_PATH, CONSOLE_LOGOUT_PATH)))
                .addFilterBefore(new SameOriginCookieFilter(answers), SecurityWebFiltersOrder.AUTHENTICATION)
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(new ConsoleSessionTokenConverter())
                        .authenticationEntryPoint(entryPoint)
                        .jwt(jwt -> jwt.jwtDecoder(decoders.consoleSessions())
                                .jwtAuthenticationConverter(new ConsoleAuthenticationConverter())))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
                .authorizeExchange(exchanges -> exchanges.anyExchange().authenticated())
                .build();
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    public SecurityWebFilterChain openSecurity(ServerHttpSecurity http, BrowserCors browserCors) {
        return stateless(http, ServerWebExchangeMatchers.anyExchange())
                .cors(cors -> cors.configurationSource(browserCors.source()))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .build();
    }

    private static ServerHttpSecurity stateless(ServerHttpSecurity http, ServerWebExchangeMatcher paths) {
        return http.securityMatcher(paths)
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
    }

    private static ServerWebExchangeMatcher except(ServerWebExchangeMatcher paths, ServerWebExchangeMatcher excluded) {
        return new AndServerWebExchangeMatcher(paths, new NegatedServerWebExchangeMatcher(excluded));
    }
}
