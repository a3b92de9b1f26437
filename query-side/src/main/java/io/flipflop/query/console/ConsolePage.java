package io.flipflop.query.console;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The console web page at {@code /console/}. Its files are static resources ({@code static/console/}, served by
 * Spring Boot's resource handling, with the two libraries Maven unpacks into {@code static/console/vendor/});
 * only the entry needs a route, since WebFlux maps a folder's index page at the root alone. The page routes
 * with the URL's fragment, so no other path needs to fall back to it.
 */
@Configuration(proxyBeanMethods = false)
public class ConsolePage {

    /**
     * The page loads nothing but its own files, so a script injected through some unescaped value could neither
     * run nor send anything elsewhere. {@code blob:} media is how hls.js feeds the video element (Media Source
     * Extensions); the only {@code data:} image is the empty favicon.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; media-src 'self' blob:; connect-src 'self'; worker-src 'self' blob:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    RouterFunction<ServerResponse> consoleIndex(@Value("classpath:/static/console/index.html") Resource index) {
        return route(GET("/console"), request -> ServerResponse.permanentRedirect(URI.create("/console/")).build())
                .andRoute(GET("/console/"), request -> ServerResponse.ok()
                        .contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noCache())
                        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                        .bodyValue(index));
    }
}
