package io.flipflop.command.webhook;

import io.flipflop.api.webhook.CallbackRegistration;
import io.flipflop.api.webhook.CallbackRegistrationRequest;
import io.flipflop.api.webhook.SigningSecret;
import io.flipflop.api.webhook.TestDeliveryAccepted;
import io.flipflop.platform.security.ApiSecurityDocumentation;
import io.flipflop.platform.security.ConsoleUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The console's webhook writes (reference §17.1, registered in the console); the reads are on the query side. */
@RestController
@RequestMapping("/console/v1/apps/{appId}/callback")
@Tag(name = "Console: webhooks", description = "An app's callback URL, its credentials and its signing secret")
@SecurityRequirement(name = ApiSecurityDocumentation.CONSOLE_SESSION)
public class CallbackController {

    private static final String NOT_FOUND = " 404 APP_NOT_FOUND for a missing app or another user's.";

    private final CallbackService callbacks;

    public CallbackController(CallbackService callbacks) {
        this.callbacks = callbacks;
    }

    @PutMapping
    @Operation(operationId = "registerCallback", summary = "Register or replace the app's webhook",
            description = "Body `{callbackUrl, callbackId, callbackPassword}`, all required. Deliveries are POSTed to "
                    + "the URL with `Authorization: Basic base64(callbackId:callbackPassword)` and signed with the "
                    + "signing secret, answered (as `signingSecret`) only by the registration that issues it: the "
                    + "first, or the first after a DELETE. The URL must reach only public addresses unless the operator "
                    + "allows private ones. Errors: 400 INVALID_CALLBACK_URL, CALLBACK_URL_NOT_ALLOWED, "
                    + "EMPTY_CALLBACK_ID, INVALID_CALLBACK_ID, EMPTY_CALLBACK_PASSWORD;" + NOT_FOUND)
    public Mono<CallbackRegistration> register(@Parameter(hidden = true) @AuthenticationPrincipal ConsoleUser user,
                                               @PathVariable long appId,
                                               @RequestBody(required = false) CallbackRegistrationRequest request) {
        return callbacks.register(user, appId, request);
    }

    @PostMapping("/signing-secret")
    @Operation(operationId = "rotateCallbackSigningSecret", summary = "Rotate the webhook's signing secret",
            description = "The new secret is answered this once and signs every attempt from now on, retries of "
                    + "earlier deliveries included. Errors: 400 CALLBACK_NOT_REGISTERED;" + NOT_FOUND)
    public Mono<SigningSecret> rotateSigningSecret(
            @Parameter(hidden = true) @AuthenticationPrincipal ConsoleUser user, @PathVariable long appId) {
        return callbacks.rotateSigningSecret(user, appId);
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "unregisterCallback", summary = "Remove the app's webhook",
            description = "Stops deliveries (pending ones end FAILED) and forgets the credentials and the signing "
                    + "secret. Idempotent." + NOT_FOUND)
    public Mono<Void> unregister(@Parameter(hidden = true) @AuthenticationPrincipal ConsoleUser user,
                                 @PathVariable long appId) {
        return callbacks.unregister(user, appId);
    }

    @PostMapping("/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "sendCallbackTest", summary = "Send a test delivery",
            description = "Queues a `CALLBACK_TEST` delivery to the registered callback and answers its id; follow "
                    + "it in the delivery log. Errors: 400 CALLBACK_NOT_REGISTERED;" + NOT_FOUND)
    public Mono<TestDeliveryAccepted> sendTest(@Parameter(hidden = true) @AuthenticationPrincipal ConsoleUser user,
                                               @PathVariable long appId) {
        return callbacks.sendTest(user, appId);
    }
}
