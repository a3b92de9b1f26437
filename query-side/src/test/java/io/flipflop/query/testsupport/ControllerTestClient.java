package io.flipflop.query.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.flipflop.platform.error.ErrorEnvelopeHandler;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.http.codec.json.Jackson2JsonEncoder;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.web.reactive.result.method.annotation.AuthenticationPrincipalArgumentResolver;
import org.springframework.test.web.reactive.server.MockServerConfigurer;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

/**
 * Calls controllers over a mock HTTP exchange with Spring Security's own {@code @AuthenticationPrincipal}
 * resolver and FlipFlop's error envelope, but with the principal handed in rather than authenticated: these
 * tests are about what the endpoints answer, not about the security chains in front of them.
 */
public final class ControllerTestClient {

    private ControllerTestClient() {
    }

    public static WebTestClient as(Object principal, Object... controllers) {
        ObjectMapper json = Jackson2ObjectMapperBuilder.json()
                .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS) // as Spring Boot configures it
                .build();
        return WebTestClient.bindToController(controllers)
                .httpMessageCodecs(codecs -> codecs.defaultCodecs().jackson2JsonEncoder(new Jackson2JsonEncoder(json)))
                .argumentResolvers(resolvers -> resolvers.addCustomResolver(
                        new AuthenticationPrincipalArgumentResolver(ReactiveAdapterRegistry.getSharedInstance())))
                .webFilter((exchange, chain) -> chain.filter(exchange).contextWrite(ReactiveSecurityContextHolder
                        .withAuthentication(new TestingAuthenticationToken(principal, null))))
                .apply(new MockServerConfigurer() {
                    @Override
                    public void beforeServerCreated(WebHttpHandlerBuilder builder) {
                        builder.exceptionHandler(new ErrorEnvelopeHandler(json));
                    }
                })
                .build();
    }
}
