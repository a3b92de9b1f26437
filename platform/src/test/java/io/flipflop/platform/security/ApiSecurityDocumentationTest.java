package io.flipflop.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@SecurityIntegrationTest
class ApiSecurityDocumentationTest {

    @Autowired
    WebTestClient web;

    @Test
    void openApiDocumentDeclaresTheSchemesAndWhichPathsNeedThem() {
        web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("FlipFlop API")
                .jsonPath("$.info.version").isEqualTo("v2")
                .jsonPath("$.components.securitySchemes.appBasic.scheme").isEqualTo("basic")
                .jsonPath("$.components.securitySchemes.memberBearer.bearerFormat").isEqualTo("JWT")
                .jsonPath("$.components.securitySchemes.consoleSession.scheme").isEqualTo("bearer")
                .jsonPath("$.paths['" + SecurityProbeController.APP_PROBE + "'].get.security[0].appBasic").exists()
                .jsonPath("$.paths['" + SecurityProbeController.MEMBER_PROBE + "'].get.security[0].memberBearer").exists()
                .jsonPath("$.paths['" + SecurityProbeController.CONSOLE_PROBE + "'].post.security[0].consoleSession").exists()
                .jsonPath("$.paths['" + JwksController.PATH + "'].get.security").doesNotExist();
    }
}
