package io.flipflop.query.videoroom;

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
import static io.flipflop.query.videoroom.VideoRoomDocuments.ACCESS_LEVEL;
import static io.flipflop.query.videoroom.VideoRoomDocuments.ACTIVE;
import static io.flipflop.query.videoroom.VideoRoomDocuments.ALLOWLIST;
import static io.flipflop.query.videoroom.VideoRoomDocuments.APP_ID;
import static io.flipflop.query.videoroom.VideoRoomDocuments.APP_USER_ID;
import static io.flipflop.query.videoroom.VideoRoomDocuments.CANCELLED_AT;
import static io.flipflop.query.videoroom.VideoRoomDocuments.CREATED_AT;
import static io.flipflop.query.videoroom.VideoRoomDocuments.CREATOR_ID;
import static io.flipflop.query.videoroom.VideoRoomDocuments.CREATOR_TYPE;
import static io.flipflop.query.videoroom.VideoRoomDocuments.CUSTOM_DATA;
import static io.flipflop.query.videoroom.VideoRoomDocuments.CUSTOM_TYPE;
import static io.flipflop.query.videoroom.VideoRoomDocuments.DELETED;
import static io.flipflop.query.videoroom.VideoRoomDocuments.DESCRIPTION;
import static io.flipflop.query.videoroom.VideoRoomDocuments.FORCIBLY_TERMINATED;
import static io.flipflop.query.videoroom.VideoRoomDocuments.LAST_MODIFIED_AT;
import static io.flipflop.query.videoroom.VideoRoomDocuments.LIVE_ENDED_AT;
import static io.flipflop.query.videoroom.VideoRoomDocuments.LIVE_STARTED_AT;
import static io.flipflop.query.videoroom.VideoRoomDocuments.MEMBER_ID;
import static io.flipflop.query.videoroom.VideoRoomDocuments.SCHEDULED_AT;
import static io.flipflop.query.videoroom.VideoRoomDocuments.STATE;
import static io.flipflop.query.videoroom.VideoRoomDocuments.STREAM_KEY_ID;
import static io.flipflop.query.videoroom.VideoRoomDocuments.TITLE;
import static io.flipflop.query.videoroom.VideoRoomDocuments.TYPE;
import static io.flipflop.query.videoroom.VideoRoomDocuments.UUID;
import static io.flipflop.query.videoroom.VideoRoomDocuments.VIDEO_ROOM_ID;
import static io.flipflop.query.videoroom.VideoRoomDocuments.VIDEO_ROOM_STATE;
import static io.flipflop.query.videoroom.VideoRoomDocuments.VOD_ARCHIVED_AT;
import static io.flipflop.query.videoroom.VideoRoomDocuments.VOD_STATE;
import static io.flipflop.query.videoroom.VideoRoomDocuments.VOD_URL;

import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.videoroom.MemberAllowedOnVideoRoom;
import io.flipflop.api.videoroom.MemberDisallowedOnVideoRoom;
import io.flipflop.api.videoroom.VideoRoomArchiveFailed;
import io.flipflop.api.videoroom.VideoRoomArchiveStarted;
import io.flipflop.api.videoroom.VideoRoomArchived;
import io.flipflop.api.videoroom.VideoRoomBroadcastEnded;
import io.flipflop.api.videoroom.VideoRoomCancelled;
import io.flipflop.api.videoroom.VideoRoomCreated;
import io.flipflop.api.videoroom.VideoRoomDeleted;
import io.flipflop.api.videoroom.VideoRoomDetails;
import io.flipflop.api.videoroom.VideoRoomEvent;
import io.flipflop.api.videoroom.VideoRoomForciblyTerminated;
import io.flipflop.api.videoroom.VideoRoomIngestLost;
import io.flipflop.api.videoroom.VideoRoomIngestResumed;
import io.flipflop.api.videoroom.VideoRoomUpdated;
import io.flipflop.api.videoroom.VideoRoomWentLive;
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
 * Keeps the {@value VideoRoomDocuments#COLLECTION} read model in step with the video room events. Each event
 * carries the room's state afterwards and its timestamp is the moment of the change, so a handler copies the
 * state and stamps the matching time field ({@code liveStartedAt}, {@code cancelledAt}, ...), as the aggregate
 * does.
 */
@Component
@ProcessingGroup(VideoRoomViewProjection.PROCESSING_GROUP)
public class VideoRoomViewProjection {

    public static final String PROCESSING_GROUP = "video-rooms";

    private final MongoCollection<Document> rooms;
    private final MongoCollection<Document> uuids;

    public VideoRoomViewProjection(MongoDatabase database) {
        this.rooms = database.getCollection(VideoRoomDocuments.COLLECTION);
        this.uuids = database.getCollection(VideoRoomDocuments.UUIDS_COLLECTION);
        createIndexes();
    }

    @EventHandler
    public void on(VideoRoomCreated event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        if (event.uuid() != null) {
            await(uuids.updateOne(eq("_id", event.uuid()), set(VIDEO_ROOM_ID, event.videoRoomId()),
                    new UpdateOptions().upsert(true)));
        }
        Date at = Date.from(timestamp);
        List<Bson> fields = new ArrayList<>(details(event.details()));
        fields.addAll(List.of(set(APP_ID, event.appId()), set(MEMBER_ID, event.memberId()),
                set(APP_USER_ID, event.appUserId()), set(TYPE, event.type().name()), set(UUID, event.uuid()),
                set(CREATOR_TYPE, event.creatorType().name()), set(CREATOR_ID, event.creatorId()),
                set(VIDEO_ROOM_STATE, event.state().name()), set(VOD_STATE, event.vodState().name()),
                set(VOD_URL, null), set(FORCIBLY_TERMINATED, false), set(SCHEDULED_AT, date(event.scheduledAt())),
                set(CANCELLED_AT, null), set(LIVE_STARTED_AT, null), set(LIVE_ENDED_AT, null),
                set(VOD_ARCHIVED_AT, null), set(STREAM_KEY_ID, null), set(ALLOWLIST, List.of()), set(STATE, ACTIVE),
                set(CREATED_AT, at), set(LAST_MODIFIED_AT, at), set(VERSION, sequence)));
        awaitUnlessStale(rooms.updateOne(olderThan(event.videoRoomId(), sequence), combine(fields),
                new UpdateOptions().upsert(true)));
    }

    @EventHandler
    public void on(VideoRoomUpdated event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event, sequence, timestamp, details(event.details()).toArray(Bson[]::new));
    }

    /** The document stays, marked DELETED: reads hide it, and a replay or late event still finds its version. */
    @EventHandler
    public void on(VideoRoomDeleted event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event, sequence, timestamp, set(STATE, DELETED));
    }

    /** A set: the version guard keeps a replayed event out, and adding twice would change nothing anyway. */
    @EventHandler
    public void on(MemberAllowedOnVideoRoom event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event, sequence, timestamp, addToSet(ALLOWLIST, event.memberId()));
    }

    @EventHandler
    public void on(MemberDisallowedOnVideoRoom event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event, sequence, timestamp, pull(ALLOWLIST, event.memberId()));
    }

    @EventHandler
    public void on(VideoRoomCancelled event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event, sequence, timestamp, set(CANCELLED_AT, Date.from(timestamp)));
    }

    @EventHandler
    public void on(VideoRoomWentLive event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event, sequence, timestamp, set(STREAM_KEY_ID, event.streamKeyId()),
                set(LIVE_STARTED_AT, Date.from(timestamp)));
    }

    @EventHandler
    public void on(VideoRoomIngestLost event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event, sequence, timestamp);
    }

    @EventHandler
    public void on(VideoRoomIngestResumed event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event, sequence, timestamp);
    }

    @EventHandler
    public void on(VideoRoomBroadcastEnded event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event, sequence, timestamp, set(STREAM_KEY_ID, null), set(LIVE_ENDED_AT, Date.from(timestamp)));
    }

    @EventHandler
    public void on(VideoRoomForciblyTerminated event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event, sequence, timestamp, set(STREAM_KEY_ID, null), set(LIVE_ENDED_AT, Date.from(timestamp)),
                set(FORCIBLY_TERMINATED, true));
    }

    @EventHandler
    public void on(VideoRoomArchiveStarted event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event, sequence, timestamp, set(VOD_STATE, event.vodState().name()));
    }

    @EventHandler
    public void on(VideoRoomArchived event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event, sequence, timestamp, set(VOD_STATE, event.vodState().name()), set(VOD_URL, event.vodUrl()),
                set(VOD_ARCHIVED_AT, Date.from(timestamp)));
    }

    @EventHandler
    public void on(VideoRoomArchiveFailed event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event, sequence, timestamp, set(VOD_STATE, event.vodState().name()));
    }

    /** A replay starts from empty collections, so what it builds depends on the events alone. */
    @ResetHandler
    public void reset() {
        await(rooms.drop());
        await(uuids.drop());
        createIndexes();
    }

    private void change(VideoRoomEvent event, long sequence, Instant timestamp, Bson... fields) {
        List<Bson> all = new ArrayList<>(Arrays.asList(fields));
        all.addAll(List.of(set(VIDEO_ROOM_STATE, event.state().name()), set(LAST_MODIFIED_AT, Date.from(timestamp)),
                set(VERSION, sequence)));
        await(rooms.updateOne(olderThan(event.videoRoomId(), sequence), combine(all)));
    }

    private static Bson olderThan(long videoRoomId, long sequence) {
        return and(eq("_id", videoRoomId), lt(VERSION, sequence));
    }

    /** Every detail is written, null included: the events carry all details after the change. */
    private static List<Bson> details(VideoRoomDetails details) {
        return List.of(set(TITLE, details.title()), set(DESCRIPTION, details.description()),
                set(ACCESS_LEVEL, details.accessLevel().name()), set(CUSTOM_TYPE, details.customType()),
                set(CUSTOM_DATA, details.customData()));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    /**
     * The listings filter on app (and owner) and sort by one field; these serve them on a real MongoDB. The
     * embedded server ignores secondary indexes and scans (STACK-FACTS), which the listings can afford.
     */
    private void createIndexes() {
        Arrays.stream(VideoRoomSort.values()).map(VideoRoomSort::field).distinct().forEach(field -> {
            await(rooms.createIndex(Indexes.ascending(APP_ID, STATE, field, "_id")));
            await(rooms.createIndex(Indexes.ascending(APP_ID, MEMBER_ID, STATE, field, "_id")));
        });
    }
}
