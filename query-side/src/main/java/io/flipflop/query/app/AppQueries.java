package io.flipflop.query.app;

import static com.mongodb.client.model.Filters.eq;
import static io.flipflop.query.app.AppDocuments.ACTIVE;
import static io.flipflop.query.app.AppDocuments.CREATED_AT;
import static io.flipflop.query.app.AppDocuments.NAME;
import static io.flipflop.query.app.AppDocuments.OWNER_USER_ID;
import static io.flipflop.query.app.AppDocuments.STATE;

import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.app.AppRef;
import io.flipflop.api.app.AppView;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.platform.error.ApiException;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads of the {@value AppDocuments#COLLECTION} read model. */
@Component
public class AppQueries {

    private final MongoCollection<Document> apps;

    public AppQueries(MongoDatabase database) {
        this.apps = database.getCollection(AppDocuments.COLLECTION);
    }

    /** The user's apps, newest first ({@code _id} breaks ties of equal creation times). */
    public Flux<AppView> ownedBy(long userId) {
        return Flux.from(apps.find(eq(OWNER_USER_ID, userId))
                        .sort(Sorts.descending(CREATED_AT, "_id")))
                .map(AppDocuments::toView);
    }

    /** The app, if that user owns it; another user's app is as absent as a missing one. */
    public Mono<AppView> ownedBy(long userId, long appId) {
        return byId(appId)
                .filter(app -> app.getLong(OWNER_USER_ID) == userId)
                .map(AppDocuments::toView);
    }

    /** The app as nested in other views, if that user owns it; else 404 {@code APP_NOT_FOUND}, as if missing. */
    public Mono<AppRef> requireOwnedBy(long userId, long appId) {
        return ownedBy(userId, appId)
                .map(app -> new AppRef(app.id(), app.state(), app.name()))
                .switchIfEmpty(Mono.error(() -> notFound(appId)));
    }

    static ApiException notFound(long appId) {
        return ApiException.notFound("APP_NOT_FOUND", "No app " + appId);
    }

    /**
     * The app as nested in other views. While the app's projection lags behind (or is being rebuilt) the
     * name is unknown but the reference is still there: clients crash on a missing {@code app}.
     */
    public Mono<AppRef> ref(long appId) {
        return byId(appId)
                .map(app -> new AppRef(appId, app.getString(STATE), app.getString(NAME)))
                .defaultIfEmpty(new AppRef(appId, ACTIVE, null));
    }

    /** The app's default output mode (reference §16); CMAF while the app's projection lags behind. */
    public Mono<OutputMode> defaultRtmpOutputMode(long appId) {
        return byId(appId).map(AppDocuments::defaultRtmpOutputMode).defaultIfEmpty(OutputMode.CMAF);
    }

    private Mono<Document> byId(long appId) {
        return Mono.from(apps.find(eq("_id", appId)).first());
    }
}
