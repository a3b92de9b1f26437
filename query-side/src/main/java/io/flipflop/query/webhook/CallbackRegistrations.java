package io.flipflop.query.webhook;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.flipflop.api.app.AppCallbackRegistered;
import io.flipflop.api.app.AppCallbackSigningSecretRotated;
import io.flipflop.api.app.AppCallbackUnregistered;
import io.flipflop.api.app.SealedSecret;
import io.flipflop.platform.security.SecretBox;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The registered webhooks, collection {@value #COLLECTION}: {@code {_id: appId, callbackUrl, callbackId,
 * callbackPassword, signingSecret}}, the two secrets as sealed by the command side (never in clear). Kept by the
 * delivery processor itself, so whether a change is delivered depends on the registration as of that change in
 * the event stream, not on how far another projection has got.
 */
@Component
@ProcessingGroup(WebhookProcessing.PROCESSING_GROUP)
@DisallowReplay
public class CallbackRegistrations {

    static final String COLLECTION = "app_callbacks";
    static final String CALLBACK_URL = "callbackUrl";
    static final String CALLBACK_ID = "callbackId";
    private static final String CALLBACK_PASSWORD = "callbackPassword";
    private static final String SIGNING_SECRET = "signingSecret";

    private final MongoCollection<Document> callbacks;
    private final SecretBox secrets;

    public CallbackRegistrations(MongoDatabase database, SecretBox secrets) {
        this.callbacks = database.getCollection(COLLECTION);
        this.secrets = secrets;
    }

    @EventHandler
    void on(AppCallbackRegistered event) {
        callbacks.replaceOne(eq("_id", event.appId()), new Document("_id", event.appId())
                        .append(CALLBACK_URL, event.callbackUrl())
                        .append(CALLBACK_ID, event.callbackId())
                        .append(CALLBACK_PASSWORD, event.callbackPassword().ciphertext())
                        .append(SIGNING_SECRET, event.signingSecret().ciphertext()),
                new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(AppCallbackSigningSecretRotated event) {
        callbacks.updateOne(eq("_id", event.appId()), set(SIGNING_SECRET, event.signingSecret().ciphertext()));
    }

    @EventHandler
    void on(AppCallbackUnregistered event) {
        callbacks.deleteOne(eq("_id", event.appId()));
    }

    boolean isRegistered(long appId) {
        return callbacks.find(eq("_id", appId)).first() != null;
    }

    /** The app's webhook with its secrets opened, or empty when it has none (any more). */
    Optional<Callback> callbackOf(long appId) {
        return Optional.ofNullable(callbacks.find(eq("_id", appId)).first())
                .map(document -> new Callback(document.getString(CALLBACK_URL), document.getString(CALLBACK_ID),
                        open(document.getString(CALLBACK_PASSWORD)), open(document.getString(SIGNING_SECRET))));
    }

    private String open(String ciphertext) {
        return secrets.open(new SealedSecret(ciphertext));
    }
}
