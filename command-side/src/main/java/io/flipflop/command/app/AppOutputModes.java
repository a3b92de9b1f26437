package io.flipflop.command.app;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.flipflop.api.app.AppDefaultRtmpOutputModeChanged;
import io.flipflop.api.streamkey.OutputMode;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code app_output_modes}, {@code {_id: appId, mode}}, the app's default output mode that the media
 * worker reads at publish (reference §16) without asking the command side. One small document per app rather
 * than a copy in every {@code stream_key_directory} entry of the app's keys, so a change is one write. An app
 * that never changed its mode has no document: the worker takes CMAF. Runs in the command's thread, like
 * {@link AppCredentialsKeeper}, so the next publish after the console's answer sees the new mode. Idempotent.
 * The stream key write endpoints read it too, for the app nested in their answer.
 */
@Component
@ProcessingGroup(AppCredentialsProcessing.PROCESSING_GROUP)
public class AppOutputModes {

    static final String COLLECTION = "app_output_modes";
    private static final String MODE = "mode";

    private final MongoCollection<Document> modes;

    public AppOutputModes(MongoDatabase database) {
        this.modes = database.getCollection(COLLECTION);
    }

    /** Blocking. */
    public OutputMode of(long appId) {
        Document mode = modes.find(eq("_id", appId)).first();
        return mode == null ? OutputMode.CMAF : OutputMode.valueOf(mode.getString(MODE));
    }

    @EventHandler
    void on(AppDefaultRtmpOutputModeChanged event) {
        modes.replaceOne(eq("_id", event.appId()),
                new Document("_id", event.appId()).append(MODE, event.mode().name()),
                new ReplaceOptions().upsert(true));
    }
}
