package io.flipflop.platform.security;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a state-changing console request that would be authenticated by the session cookie when its
 * {@code Origin} names another origin (403 {@value #ERROR_CODE}).
 * <p>
 * Why, on top of SameSite=Strict: "same site" means the same registrable domain, so a page on a sibling
 * subdomain (another app's media host, user content) is same-site and its requests would carry the cookie;
 * and browsers without SameSite send it everywhere. Browsers always send {@code Origin} on cross-origin
 * requests and on same-origin POST/PUT/PATCH/DELETE, and a page cannot forge it, so this closes both gaps.
 * Requests with a Bearer header are not affected: another site's page cannot attach one (the token is not
 * readable to it), so they cannot be forged. The request's own origin comes from its URI, which honours
 * {@code X-Forwarded-*} when {@code server.forward-headers-strategy} is set, as it must be behind a proxy
 * that terminates TLS or rewrites the host.
 */
final class SameOriginCookieFilter implements WebFilter {

    static final String ERROR_CODE = "CROSS_ORIGIN_REQUEST_FORBIDDEN";

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    private final ErrorAnswers answers;

    SameOriginCookieFilter(ErrorAnswers answers) {
        this.answers = answers;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String origin = request.getHeaders().getOrigin();
        boolean cookieAuthenticated = !request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)
                && request.getCookies().containsKey(ConsoleSessionCookie.NAME);
        if (cookieAuthenticated && !SAFE.contains(request.getMethod()) && origin != null
                && !sameOrigin(origin, request.getURI())) {
            return answers.write(exchange, HttpStatus.FORBIDDEN, ERROR_CODE,
                    "A console session cookie is only accepted from the console's own origin");
        }
        return chain.filter(exchange);
    }

    static boolean sameOrigin(String origin, URI request) {
        URI parsed;
        try {
            parsed = URI.create(origin);
        } catch (IllegalArgumentException e) {
            return false; // includes the opaque origin "null" of sandboxed pages and file: URLs
        }
        return parsed.getScheme() != null && parsed.getHost() != null && request.getHost() != null
                && parsed.getScheme().equalsIgnoreCase(request.getScheme())
                && parsed.getHost().toLowerCase(Locale.ROOT).equals(request.getHost().toLowerCase(Locale.ROOT))
                && port(parsed) == port(request);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
