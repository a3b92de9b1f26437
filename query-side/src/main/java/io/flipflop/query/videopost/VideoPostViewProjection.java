package io.flipflop.query.videopost;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Updates.addToSet;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.pull;
import static com.mongodb.client.model.Updates.set;
import static io.flipflop.query.readmodel.ReadModelWrites.VERSION;
import static io.flipflop.query.readmodel.ReadModelWrites.await;
import static io.flipflop.query.readmodel.ReadModelWrites.awaitUnlessStale;
import static io.flipflop.query.videopost.VideoPostDocuments.ACCESS_LEVEL;
import static io.flipflop.query.videopost.VideoPostDocuments.ACTIVE;
import static io.flipflop.query.videopost.VideoPostDocuments.ALLOWLIST;
import static io.flipflop.query.videopost.VideoPostDocuments.APP_ID;
import static io.flipflop.query.videopost.VideoPostDocuments.APP_USER_ID;
import static io.flipflop.query.videopost.VideoPostDocuments.ATTEMPT;
import static io.flipflop.query.videopost.VideoPostDocuments.CATEGORY;
import static io.flipflop.query.videopost.VideoPostDocuments.CREATED_AT;
import static io.flipflop.query.videopost.VideoPostDocuments.CREATOR_ID;
import static io.flipflop.query.videopost.VideoPostDocuments.CREATOR_TYPE;
import static io.flipflop.query.videopost.VideoPostDocuments.CUSTOM_DATA;
import static io.flipflop.query.videopost.VideoPostDocuments.DELETED;
import static io.flipflop.query.videopost.VideoPostDocuments.DESCRIPTION;
import static io.flipflop.query.videopost.VideoPostDocuments.ETA_SECONDS;
import static io.flipflop.query.videopost.VideoPostDocuments.FAILURE_REASON;
import static io.flipflop.query.videopost.VideoPostDocuments.FPS;
import static io.flipflop.query.videopost.VideoPostDocuments.LAST_MODIFIED_AT;
import static io.flipflop.query.videopost.VideoPostDocuments.MEMBER_ID;
import static io.flipflop.query.videopost.VideoPostDocuments.OUTPUTS;
import static io.flipflop.query.videopost.VideoPostDocuments.PERCENT;
import static io.flipflop.query.videopost.VideoPostDocuments.PROBE;
import static io.flipflop.query.videopost.VideoPostDocuments.RENDITIONS;
import static io.flipflop.query.videopost.VideoPostDocuments.SOURCE;
import static io.flipflop.query.videopost.VideoPostDocuments.STATE;
import static io.flipflop.query.videopost.VideoPostDocuments.TAGS;
import static io.flipflop.query.videopost.VideoPostDocuments.TITLE;
import static io.flipflop.query.videopost.VideoPostDocuments.TYPE;
import static io.flipflop.query.videopost.VideoPostDocuments.UPLOADED_AT;
import static io.flipflop.query.videopost.VideoPostDocuments.UPLOAD_FAILED_AT;
import static io.flipflop.query.videopost.VideoPostDocuments.VIDEO_POST_STATE;

import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.videopost.MemberAllowedOnVideoPost;
import io.flipflop.api.videopost.MemberDisallowedOnVideoPost;
import io.flipflop.api.videopost.ProcessingFailed;
import io.flipflop.api.videopost.ProcessingProgressed;
import io.flipflop.api.videopost.ProcessingStarted;
import io.flipflop.api.videopost.SourcePartStored;
import io.flipflop.api.videopost.SourceProbe;
import io.flipflop.api.videopost.SourceUploadFailed;
import io.flipflop.api.videopost.SourceUploadRequested;
import io.flipflop.api.videopost.SourceUploaded;
import io.flipflop.api.videopost.TranscodingQueued;
import io.flipflop.api.videopost.TranscodingQueuingFailed;
import io.flipflop.api.videopost.TranscodingRetryRequested;
import io.flipflop.api.videopost.VideoPostCreated;
import io.flipflop.api.videopost.VideoPostDeleted;
import io.flipflop.api.videopost.VideoPostDetails;
import io.flipflop.api.videopost.VideoPostEvent;
import io.flipflop.api.videopost.VideoPostProcessed;
import io.flipflop.api.videopost.VideoPostUpdated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@value VideoPostDocuments#COLLECTION} read model in step with the video post events. Each event
 * carries the post's state afterwards; its timestamp is the moment of the change. Every write is guarded by the
 * event's sequence number, so a replayed event changes nothing.
 */
@Component
@ProcessingGroup(VideoPostViewProjection.PROCESSING_GROUP)
public class VideoPostViewProjection {

    public static final String PROCESSING_GROUP = "video-posts";

    private final MongoCollection<Document> posts;

    public VideoPostViewProjection(MongoDatabase database) {
        this.posts = database.getCollection(VideoPostDocuments.COLLECTION);
        createIndexes();
    }

    @EventHandler
    public void on(VideoPostCreated event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        Date at = Date.from(timestamp);
        List<Bson> fields = new ArrayList<>(details(event.details()));
        fields.addAll(List.of(set(APP_ID, event.appId()), set(MEMBER_ID, event.memberId()),
                set(APP_USER_ID, event.appUserId()), set(TYPE, event.type().name()),
                set(CREATOR_TYPE, event.creatorType().name()), set(CREATOR_ID, event.creatorId()),
                set(VIDEO_POST_STATE, event.state().name()), set(ALLOWLIST, List.of()), set(SOURCE, null),
                set(PROBE, null), set(PERCENT, null), set(FPS, null), set(ETA_SECONDS, null), set(ATTEMPT, null),
                set(FAILURE_REASON, null), set(RENDITIONS, List.of()), set(OUTPUTS, List.of()),
                set(UPLOADED_AT, null), set(UPLOAD_FAILED_AT, null), set(STATE, ACTIVE), set(CREATED_AT, at),
                set(LAST_MODIFIED_AT, at), set(VERSION, sequence)));
        awaitUnlessStale(posts.updateOne(olderThan(event.videoPostId(), sequence), combine(fields),
                new UpdateOptions().upsert(true)));
    }

    @EventHandler
    public void on(VideoPostUpdated event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event, sequence, timestamp, details(event.details()).toArray(Bson[]::new));
    }

    @EventHandler
    public void on(VideoPostDeleted event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event, sequence, timestamp, set(STATE, DELETED));
    }

    @EventHandler
    public void on(MemberAllowedOnVideoPost event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event, sequence, timestamp, addToSet(ALLOWLIST, event.memberId()));
    }

    @EventHandler
    public void on(MemberDisallowedOnVideoPost event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event, sequence, timestamp, pull(ALLOWLIST, event.memberId()));
    }

    @EventHandler
    public void on(SourceUploadRequested event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event, sequence, timestamp, set(SOURCE, new Document("filename", event.source().filename())
                .append("size", event.source().size()).append("contentType", event.source().contentType())),
                set(FAILURE_REASON, null));
    }

    @EventHandler
    public void on(SourcePartStored event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event, sequence, timestamp);
    }

    @EventHandler
    public void on(SourceUploaded event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event, sequence, timestamp, set(UPLOADED_AT, Date.from(timestamp)));
    }

    @EventHandler
    public void on(SourceUploadFailed event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event, sequence, timestamp, set(FAILURE_REASON, event.reason()),
                set(UPLOAD_FAILED_AT, Date.from(timestamp)));
    }

    @EventHandler
    public void on(TranscodingQueued event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        SourceProbe probe = event.probe();
        change(event, sequence, timestamp, set(PROBE, new Document("durationSeconds", probe.durationSeconds())
                .append("width", probe.width()).append("height", probe.height()).append("hasAudio", probe.hasAudio())
                .append("formatName", probe.formatName())), set(FAILURE_REASON, null));
    }

    @EventHandler
    public void on(TranscodingQueuingFailed event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event, sequence, timestamp, set(FAILURE_REASON, event.reason()));
    }

    @EventHandler
    public void on(ProcessingStarted event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event, sequence, timestamp, set(ATTEMPT, event.attempt()), set(PERCENT, 0.0), set(FPS, null),
                set(ETA_SECONDS, null), set(FAILURE_REASON, null));
    }

    @EventHandler
    public void on(ProcessingProgressed event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event, sequence, timestamp, set(PERCENT, event.percent()), set(FPS, event.fps()),
                set(ETA_SECONDS, event.etaSeconds()));
    }

    @EventHandler
    public void on(VideoPostProcessed event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event, sequence, timestamp, set(PERCENT, 100.0), set(ETA_SECONDS, 0L),
                set(RENDITIONS, event.renditions().stream().map(r -> new Document("width", r.width())
                        .append("height", r.height()).append("videoBitrate", r.videoBitrate())).toList()),
                set(OUTPUTS, event.outputs().stream().map(o -> new Document("format", o.format())
                        .append("size", o.size()).append("url", o.url())).toList()));
    }

    @EventHandler
    public void on(ProcessingFailed event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event, sequence, timestamp, set(FAILURE_REASON, event.reason()), set(ETA_SECONDS, null));
    }

    @EventHandler
    public void on(TranscodingRetryRequested event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event, sequence, timestamp);
    }

    @ResetHandler
    public void reset() {
        await(posts.drop());
        createIndexes();
    }

    private void change(VideoPostEvent event, long sequence, Instant timestamp, Bson... fields) {
        List<Bson> all = new ArrayList<>(Arrays.asList(fields));
        all.addAll(List.of(set(VIDEO_POST_STATE, event.state().name()), set(LAST_MODIFIED_AT, Date.from(timestamp)),
                set(VERSION, sequence)));
        await(posts.updateOne(olderThan(event.videoPostId(), sequence), combine(all)));
    }

    private static Bson olderThan(long videoPostId, long sequence) {
        return and(eq("_id", videoPostId), lt(VERSION, sequence));
    }

    private static List<Bson> details(VideoPostDetails details) {
        return List.of(set(TITLE, details.title()), set(DESCRIPTION, details.description()),
                set(ACCESS_LEVEL, details.accessLevel().name()), set(CUSTOM_DATA, details.customData()),
                set(CATEGORY, details.category()), set(TAGS, details.tags()));
    }

    /** The listings filter on app (and owner) and sort by one field; for a real MongoDB (see the room model). */
    private void createIndexes() {
        Arrays.stream(VideoPostSort.values()).map(VideoPostSort::field).distinct().forEach(field -> {
            await(posts.createIndex(Indexes.ascending(APP_ID, STATE, field, "_id")));
            await(posts.createIndex(Indexes.ascending(APP_ID, MEMBER_ID, STATE, field, "_id")));
        });
    }
}
