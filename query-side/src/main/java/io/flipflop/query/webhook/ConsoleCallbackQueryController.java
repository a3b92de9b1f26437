package io.flipflop.query.webhook;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.webhook.CallbackDeliveries;
import io.flipflop.api.error.ErrorResponse;
import io.flipflop.api.webhook.CallbackRegistration;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.security.ApiSecurityDocumentation;
import io.flipflop.platform.security.ConsoleUser;
import io.flipflop.query.app.AppQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The console's webhook reads: the registration (never its secrets) and the delivery log. */
@RestController
@RequestMapping("/console/v1/apps/{appId}/callback")
@Tag(name = "Console: webhooks", description = "An app's callback URL, its credentials and its signing secret")
@SecurityRequirement(name = ApiSecurityDocumentation.CONSOLE_SESSION)
public class ConsoleCallbackQueryController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final AppQueries apps;
    private final MongoCollection<Document> callbacks;
    private final MongoCollection<Document> deliveries;

    public ConsoleCallbackQueryController(AppQueries apps, MongoDatabase database) {
        this.apps = apps;
        this.callbacks = database.getCollection(CallbackRegistrations.COLLECTION);
        this.deliveries = database.getCollection(DeliveryRecords.DELIVERIES);
    }

    @GetMapping
    @Operation(operationId = "getCallback", summary = "Get the app's webhook",
            description = "`{registered: false}`, or `{registered: true, callbackUrl, callbackId}`; the password and "
                    + "the signing secret are never answered. Follows a registration within moments (read model).")
    @ApiResponse(responseCode = "200", description = "The registration",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = CallbackRegistration.class)))
    @ApiResponse(responseCode = "404", description = "APP_NOT_FOUND, also for another user's app",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<CallbackRegistration> get(@Parameter(hidden = true) @AuthenticationPrincipal ConsoleUser user,
                                          @PathVariable long appId) {
        return owned(user, appId)
                .then(Mono.from(callbacks.find(eq("_id", appId)).first()))
                .map(callback -> new CallbackRegistration(true, callback.getString(CallbackRegistrations.CALLBACK_URL),
                        callback.getString(CallbackRegistrations.CALLBACK_ID), null))
                .defaultIfEmpty(CallbackRegistration.none());
    }

    @GetMapping("/deliveries")
    @Operation(operationId = "listCallbackDeliveries", summary = "The app's webhook delivery log",
            description = "The latest deliveries, newest first, each with every attempt (time, HTTP status or error, "
                    + "duration). `limit` 1 to " + MAX_LIMIT + ", default " + DEFAULT_LIMIT + ". Errors: 400 "
                    + "INVALID_LIMIT; 404 APP_NOT_FOUND, also for another user's app.")
    @ApiResponse(responseCode = "200", description = "The deliveries",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = CallbackDeliveries.class)))
    public Mono<CallbackDeliveries> deliveries(@Parameter(hidden = true) @AuthenticationPrincipal ConsoleUser user,
                                               @PathVariable long appId,
                                               @RequestParam(required = false) String limit) {
        int size = parseLimit(limit);
        return owned(user, appId)
                .thenMany(Flux.from(deliveries.find(eq(DeliveryRecords.APP_ID, appId))
                        .sort(Sorts.descending(DeliveryRecords.POSITION)).limit(size)))
                .map(DeliveryRecords::toView)
                .collectList()
                .map(CallbackDeliveries::new);
    }

    private Mono<Void> owned(ConsoleUser user, long appId) {
        return apps.ownedBy(user.userId(), appId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("APP_NOT_FOUND", "No app " + appId)))
                .then();
    }

    private static int parseLimit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below like any other bad limit
        }
        throw ApiException.badRequest("INVALID_LIMIT", "limit must be a whole number from 1 to " + MAX_LIMIT);
    }
}
