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
import static io.flipflop.query.videopost.VideoPostDocuments.ASSETS;
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
import static io.flipflop.query.videopost.VideoPostDocuments.PROFILES;
import static io.flipflop.query.videopost.VideoPostDocuments.PROFILE_SLOTS;
import static io.flipflop.query.videopost.VideoPostDocuments.RENDITIONS;
import static io.flipflop.query.videopost.VideoPostDocuments.SOURCE;
import static io.flipflop.query.videopost.VideoPostDocuments.STATE;
import static io.flipflop.query.videopost.VideoPostDocuments.TAGS;
import static io.flipflop.query.videopost.VideoPostDocuments.TITLE;
import static io.flipflop.query.videopost.VideoPostDocuments.TYPE;
import static io.flipflop.query.videopost.VideoPostDocuments.UPLOADED_AT;
import static io.flipflop.query.videopost.VideoPostDocuments.UPLOAD_FAILED_AT;
import static io.flipflop.query.videopost.VideoPostDocuments.VIDEO_POST_STATE;
import static io.flipflop.query.videopost.VideoPostDocuments.VIDEO_ROOM;

import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.transcoding.ChosenProfile;
import io.flipflop.api.transcoding.ChosenProfiles;
import io.flipflop.api.transcoding.TranscodingProfileDeleted;
import io.flipflop.api.videopost.ArchivePostCreated;
import io.flipflop.api.videopost.AssetUploadRequested;
import io.flipflop.api.videopost.AssetUploadStored;
import io.flipflop.api.videopost.AssetUploaded;
import io.flipflop.api.videopost.UploadedAsset;
import io.flipflop.api.videopost.MemberAllowedOnVideoPost;
import io.flipflop.api.videopost.MemberDisallowedOnVideoPost;
import io.flipflop.api.videopost.ProcessedOutput;
import io.flipflop.api.videopost.ProcessingFailed;
import io.flipflop.api.videopost.ProcessingProgressed;
import io.flipflop.api.videopost.ProcessingStarted;
import io.flipflop.api.videopost.SourceFile;
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
import io.flipflop.api.videopost.VideoPostProfilesChosen;
import io.flipflop.api.videopost.VideoPostState;
import io.flipflop.api.videopost.VideoPostType;
import io.flipflop.api.videopost.VideoPostUpdated;
import io.flipflop.api.videoroom.CreatorType;
import io.flipflop.api.videoroom.VideoRoomRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        insert(event.videoPostId(), sequence, newPost(event.appId(), event.memberId(), event.appUserId(),
                event.type(), event.details(), event.creatorType(), event.creatorId(), event.state(),
                Date.from(timestamp)));
    }

    /** A post made of a room's archive: created, uploaded and processed at once. */
    @EventHandler
    public void on(ArchivePostCreated event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        Date at = Date.from(timestamp);
        Map<String, Object> fields = newPost(event.appId(), event.memberId(), event.appUserId(), event.type(),
                event.details(), event.creatorType(), event.creatorId(), event.state(), at);
        VideoRoomRef room = event.videoRoom();
        fields.put(VIDEO_ROOM, new Document("id", room.id()).append("videoRoomState", room.videoRoomState().name())
                .append("type", room.type().name()).append("title", room.title()));
        fields.put(ALLOWLIST, List.copyOf(event.allowlist()));
        fields.put(SOURCE, source(event.source()));
        fields.put(OUTPUTS, outputs(event.outputs()));
        fields.put(PERCENT, 100.0);
        fields.put(ETA_SECONDS, 0L);
        fields.put(UPLOADED_AT, at);
        insert(event.videoPostId(), sequence, fields);
    }

    private void insert(long videoPostId, long sequence, Map<String, Object> fields) {
        fields.put(VERSION, sequence);
        awaitUnlessStale(posts.updateOne(olderThan(videoPostId, sequence), combine(fields.entrySet().stream()
                .map(field -> set(field.getKey(), field.getValue())).toList()), new UpdateOptions().upsert(true)));
    }

    /** Every field of a new post's document, so a replayed creation leaves nothing of a former life. */
    private static Map<String, Object> newPost(long appId, long memberId, String appUserId, VideoPostType type,
                                               VideoPostDetails details, CreatorType creatorType, long creatorId,
                                               VideoPostState state, Date at) {
        Map<String, Object> fields = new LinkedHashMap<>(detailValues(details));
        fields.put(APP_ID, appId);
        fields.put(MEMBER_ID, memberId);
        fields.put(APP_USER_ID, appUserId);
        fields.put(TYPE, type.name());
        fields.put(CREATOR_TYPE, creatorType.name());
        fields.put(CREATOR_ID, creatorId);
        fields.put(VIDEO_POST_STATE, state.name());
        fields.put(VIDEO_ROOM, null);
        fields.put(ALLOWLIST, List.of());
        for (String unknownYet : List.of(SOURCE, PROBE, PERCENT, FPS, ETA_SECONDS, ATTEMPT, FAILURE_REASON,
                UPLOADED_AT, UPLOAD_FAILED_AT)) {
            fields.put(unknownYet, null);
        }
        fields.put(RENDITIONS, List.of());
        fields.put(PROFILES, null);
        fields.put(OUTPUTS, List.of());
        fields.put(ASSETS, new Document());
        fields.put(STATE, ACTIVE);
        fields.put(CREATED_AT, at);
        fields.put(LAST_MODIFIED_AT, at);
        return fields;
    }

    @EventHandler
    public void on(VideoPostProfilesChosen event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        ChosenProfiles chosen = event.profiles();
        List<ChosenProfile> slots = Arrays.asList(chosen.video(), chosen.preview(), chosen.thumbnail());
        Document profiles = new Document();
        for (int i = 0; i < PROFILE_SLOTS.size(); i++) {
            ChosenProfile profile = slots.get(i);
            profiles.append(PROFILE_SLOTS.get(i), profile == null ? null : new Document("id", profile.id())
                    .append("type", profile.type().name()).append("name", profile.name()).append(STATE, ACTIVE));
        }
        change(event, sequence, timestamp, set(PROFILES, profiles));
    }

    /** Posts keep what they chose; their view shows the profile DELETED. Idempotent. */
    @EventHandler
    public void on(TranscodingProfileDeleted event) {
        for (String slot : PROFILE_SLOTS) {
            String field = PROFILES + "." + slot;
            await(posts.updateMany(eq(field + ".id", event.profileId()), set(field + "." + STATE, DELETED)));
        }
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
        change(event, sequence, timestamp, set(SOURCE, source(event.source())), set(FAILURE_REASON, null));
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
                set(OUTPUTS, outputs(event.outputs())));
    }

    @EventHandler
    public void on(ProcessingFailed event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event, sequence, timestamp, set(FAILURE_REASON, event.reason()), set(ETA_SECONDS, null));
    }

    @EventHandler
    public void on(TranscodingRetryRequested event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event, sequence, timestamp);
    }

    @EventHandler
    public void on(AssetUploadRequested event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event, sequence, timestamp);
    }

    @EventHandler
    public void on(AssetUploadStored event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event, sequence, timestamp);
    }

    /** The uploaded thumbnail or preview, shown in place of the generated one. */
    @EventHandler
    public void on(AssetUploaded event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        UploadedAsset file = event.file();
        change(event, sequence, timestamp, set(ASSETS + "." + event.asset().name(), new Document("url", file.url())
                .append("contentType", file.contentType()).append("size", file.size())
                .append("originalFileName", file.originalFileName())));
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
        return detailValues(details).entrySet().stream().map(field -> set(field.getKey(), field.getValue())).toList();
    }

    private static Map<String, Object> detailValues(VideoPostDetails details) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(TITLE, details.title());
        fields.put(DESCRIPTION, details.description());
        fields.put(ACCESS_LEVEL, details.accessLevel().name());
        fields.put(CUSTOM_DATA, details.customData());
        fields.put(CATEGORY, details.category());
        fields.put(TAGS, details.tags());
        return fields;
    }

    private static Document source(SourceFile source) {
        return new Document("filename", source.filename()).append("size", source.size())
                .append("contentType", source.contentType());
    }

    private static List<Document> outputs(List<ProcessedOutput> outputs) {
        return outputs.stream().map(o -> new Document("format", o.format()).append("size", o.size())
                .append("url", o.url())).toList();
    }

    /** The listings filter on app (and owner) and sort by one field; for a real MongoDB (see the room model). */
    private void createIndexes() {
        Arrays.stream(VideoPostSort.values()).map(VideoPostSort::field).distinct().forEach(field -> {
            await(posts.createIndex(Indexes.ascending(APP_ID, STATE, field, "_id")));
            await(posts.createIndex(Indexes.ascending(APP_ID, MEMBER_ID, STATE, field, "_id")));
        });
    }
}
