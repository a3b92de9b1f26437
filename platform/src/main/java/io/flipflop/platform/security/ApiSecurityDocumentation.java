package io.flipflop.platform.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's title and its three security schemes, and which operations need which: derived
 * from the same path prefixes as {@link SecurityChains}, so controllers need no security annotations and the
 * document cannot disagree with what the server enforces.
 */
@Configuration(proxyBeanMethods = false)
public class ApiSecurityDocumentation {

    public static final String APP_BASIC = "appBasic";
    public static final String MEMBER_BEARER = "memberBearer";
    public static final String CONSOLE_SESSION = "consoleSession";

    @Bean
    public OpenAPI flipFlopOpenApi() {
        return new OpenAPI()
                .info(new Info().title("FlipFlop API").version("v2")
                        .description("FlipFlop v2 App API (/v2/apps/me), member API (/v2/members/me) and console API"))
                .components(new Components()
                        .addSecuritySchemes(APP_BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("apiKey as user name, apiSecret as password. 401 EMPTY_APP_CREDENTIALS"
                                        + " when missing, INVALID_APP_CREDENTIALS when wrong."))
                        .addSecuritySchemes(MEMBER_BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("Member access token from member or guest login. 401 EMPTY_ACCESS_TOKEN"
                                        + " when missing, INVALID_ACCESS_TOKEN when invalid or expired."))
                        .addSecuritySchemes(CONSOLE_SESSION, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("Console session token from signup or login (also sent as the "
                                        + ConsoleSessionCookie.NAME + " cookie). 401 EMPTY_CONSOLE_SESSION when"
                                        + " missing, INVALID_CONSOLE_SESSION when invalid or expired.")));
    }

    @Bean
    public OpenApiCustomizer securityRequirementsByPath() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> require(operation, scheme(path, method))));
        };
    }

    private static String scheme(String path, PathItem.HttpMethod method) {
        boolean post = method == PathItem.HttpMethod.POST;
        if (under(path, "/v2/apps/me")) {
            return APP_BASIC;
        }
        if (under(path, "/v2/members/me") && !(post && path.equals(SecurityChains.MEMBER_TOKEN_REFRESH_PATH))) {
            return MEMBER_BEARER;
        }
        if (under(path, "/console/v1") && !(post && (path.equals(SecurityChains.CONSOLE_SIGNUP_PATH)
                || path.equals(SecurityChains.CONSOLE_LOGIN_PATH)))) {
            return CONSOLE_SESSION;
        }
        return null;
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static void require(Operation operation, String scheme) {
        if (scheme != null && operation.getSecurity() == null) {
            operation.addSecurityItem(new SecurityRequirement().addList(scheme));
        }
    }
}
