package io.flipflop.query.usage;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.max;
import static com.mongodb.client.model.Updates.pushEach;
import static com.mongodb.client.model.Updates.set;
import static io.flipflop.query.readmodel.ReadModelWrites.VERSION;
import static io.flipflop.query.readmodel.ReadModelWrites.await;
import static io.flipflop.query.readmodel.ReadModelWrites.awaitUnlessStale;
import static io.flipflop.query.usage.UsageDocuments.APPLIED;
import static io.flipflop.query.usage.UsageDocuments.APP_ID;
import static io.flipflop.query.usage.UsageDocuments.AT;
import static io.flipflop.query.usage.UsageDocuments.BYTES;
import static io.flipflop.query.usage.UsageDocuments.DELIVERED_BYTES;
import static io.flipflop.query.usage.UsageDocuments.DELIVERED_MILLIS;
import static io.flipflop.query.usage.UsageDocuments.INGEST_MILLIS;
import static io.flipflop.query.usage.UsageDocuments.OWNER_ID;
import static io.flipflop.query.usage.UsageDocuments.PEAK_VIEWERS;
import static io.flipflop.query.usage.UsageDocuments.SCOPE;
import static io.flipflop.query.usage.UsageDocuments.SINCE;
import static io.flipflop.query.usage.UsageDocuments.START;
import static io.flipflop.query.usage.UsageDocuments.STORAGE;
import static io.flipflop.query.usage.UsageDocuments.VIDEO_ROOM_ID;

import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.streamkey.CmafPublishStarted;
import io.flipflop.api.streamkey.CmafPublishStopped;
import io.flipflop.api.streamkey.IngestStarted;
import io.flipflop.api.streamkey.IngestStopped;
import io.flipflop.api.streamkey.StreamKeyBroadcastEnded;
import io.flipflop.api.streamkey.StreamKeyCreated;
import io.flipflop.api.streamkey.StreamKeyEvent;
import io.flipflop.api.streamkey.StreamKeyForciblyTerminated;
import io.flipflop.api.streamkey.StreamKeyState;
import io.flipflop.api.streamkey.StreamKeyWentLive;
import io.flipflop.api.usage.PlaybackUsageReported;
import io.flipflop.api.usage.RoomPlayback;
import io.flipflop.api.usage.StorageMeasured;
import io.flipflop.api.videoroom.VideoRoomCreated;
import io.flipflop.query.usage.UsageDocuments.Scope;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Usage per app, per room and per stream key, by the hour (see {@link UsageDocuments}).
 * <ul>
 *   <li>Ingest time from the stream key events: a key ingests while its state is one of the ACTIVE ones; a run
 *       ends when the key leaves them or moves to another room (so a preview and the live broadcast that follows
 *       are counted for the key, and only the live part for the room), and is split at hour boundaries.</li>
 *   <li>Delivered time, bytes and peak viewers from the media workers' {@link PlaybackUsageReported}.</li>
 *   <li>Stored bytes from {@link StorageMeasured}: per hour, each volume's newest measurement.</li>
 * </ul>
 * Times are the events' own, so a replay rebuilds the same documents.
 */
@Component
@ProcessingGroup(UsageProjection.PROCESSING_GROUP)
public class UsageProjection {

    public static final String PROCESSING_GROUP = "usage";

    private static final Set<StreamKeyState> INGESTING = Set.of(StreamKeyState.ACTIVE_PREP, StreamKeyState.ACTIVE,
            StreamKeyState.ACTIVE_LIVE_PREP, StreamKeyState.ACTIVE_LIVE);
    /**
     * Message ids remembered per hour document: more than a tracking batch holds (100 by default), so a batch
     * retried after a failure finds every message it already applied.
     */
    private static final int REMEMBERED_MESSAGES = 256;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final MongoCollection<Document> hours;
    private final MongoCollection<Document> keys;
    private final MongoCollection<Document> rooms;

    public UsageProjection(MongoDatabase database) {
        this.hours = database.getCollection(UsageDocuments.HOURS);
        this.keys = database.getCollection(UsageDocuments.STREAM_KEYS);
        this.rooms = database.getCollection(UsageDocuments.ROOMS);
        createIndexes();
    }

    @EventHandler
    public void on(StreamKeyCreated event) {
        await(keys.updateOne(eq("_id", event.streamKeyId()), set(APP_ID, event.appId()),
                new UpdateOptions().upsert(true)));
    }

    @EventHandler
    public void on(VideoRoomCreated event) {
        await(rooms.updateOne(eq("_id", event.videoRoomId()), set(APP_ID, event.appId()),
                new UpdateOptions().upsert(true)));
    }

    /** Every stream key event after its creation carries the key's state afterwards: enough to follow ingests. */
    @EventHandler
    public void on(StreamKeyEvent event, @SequenceNumber long sequence, @Timestamp Instant timestamp,
                   @MessageIdentifier String messageId) {
        KeyState after = stateAfter(event);
        if (after != null) {
            ingest(event.streamKeyId(), after.state(), after.videoRoomId(), sequence, timestamp, messageId);
        }
    }

    @EventHandler
    public void on(PlaybackUsageReported event, @MessageIdentifier String messageId) {
        Instant hour = event.windowStart().truncatedTo(ChronoUnit.HOURS);
        long millis = event.rooms().stream().mapToLong(RoomPlayback::deliveredMillis).sum();
        long bytes = event.rooms().stream().mapToLong(RoomPlayback::deliveredBytes).sum();
        add(Scope.APP, event.appId(), event.appId(), hour, messageId, inc(DELIVERED_MILLIS, millis),
                inc(DELIVERED_BYTES, bytes), max(PEAK_VIEWERS, event.peakConcurrentViewers()));
        for (RoomPlayback room : event.rooms()) {
            add(Scope.ROOM, room.videoRoomId(), event.appId(), hour, messageId,
                    inc(DELIVERED_MILLIS, room.deliveredMillis()), inc(DELIVERED_BYTES, room.deliveredBytes()),
                    max(PEAK_VIEWERS, room.peakConcurrentViewers()));
        }
    }

    /** Replaces the volume's figure of that hour unless a newer measurement is already there. */
    @EventHandler
    public void on(StorageMeasured event) {
        Instant hour = event.measuredAt().truncatedTo(ChronoUnit.HOURS);
        String volume = STORAGE + "." + event.volumeId();
        Date at = Date.from(event.measuredAt());
        awaitUnlessStale(hours.updateOne(and(eq("_id", UsageDocuments.hourId(Scope.APP, event.appId(), hour)),
                        or(exists(volume + "." + AT, false), lt(volume + "." + AT, at))),
                combine(identity(Scope.APP, event.appId(), event.appId(), hour),
                        set(volume, new Document(BYTES, event.bytes()).append(AT, at))),
                new UpdateOptions().upsert(true)));
    }

    /** A replay starts from empty collections, so what it builds depends on the events alone. */
    @ResetHandler
    public void reset() {
        await(hours.drop());
        await(keys.drop());
        await(rooms.drop());
        createIndexes();
    }

    /**
     * Closes the key's running ingest if this event ends it (or moves it to another room) and opens one if the
     * key ingests afterwards. The closed run is added before the key document moves on: a failure in between
     * retries the event, and the hour documents remember having applied it.
     */
    private void ingest(long streamKeyId, StreamKeyState state, Long videoRoomId, long sequence, Instant timestamp,
                        String messageId) {
        Document key = Mono.from(keys.find(eq("_id", streamKeyId)).first()).block(READ_TIMEOUT);
        if (key == null || key.get(VERSION) instanceof Number applied && applied.longValue() >= sequence) {
            return;
        }
        long appId = key.getLong(APP_ID);
        Date since = key.getDate(SINCE);
        Long runningRoom = key.get(VIDEO_ROOM_ID) instanceof Number room ? room.longValue() : null;
        boolean ingesting = INGESTING.contains(state);
        boolean sameRun = since != null && ingesting && Objects.equals(runningRoom, videoRoomId);
        if (since != null && !sameRun) {
            addIngest(appId, streamKeyId, runningRoom, since.toInstant(), timestamp, messageId);
        }
        Date runningSince = !ingesting ? null : sameRun ? since : Date.from(timestamp);
        await(keys.updateOne(and(eq("_id", streamKeyId), or(exists(VERSION, false), lt(VERSION, sequence))),
                combine(set(SINCE, runningSince), set(VIDEO_ROOM_ID, ingesting ? videoRoomId : null),
                        set(VERSION, sequence))));
    }

    /** The state and room an event leaves the key in; null for events that do not move the ingest. */
    private static KeyState stateAfter(StreamKeyEvent event) {
        if (event instanceof IngestStarted e) {
            return new KeyState(e.state(), e.videoRoomId());
        } else if (event instanceof IngestStopped e) {
            return new KeyState(e.state(), e.videoRoomId());
        } else if (event instanceof CmafPublishStarted e) {
            return new KeyState(e.state(), e.videoRoomId());
        } else if (event instanceof CmafPublishStopped e) {
            return new KeyState(e.state(), e.videoRoomId());
        } else if (event instanceof StreamKeyWentLive e) {
            return new KeyState(e.state(), e.videoRoomId());
        } else if (event instanceof StreamKeyBroadcastEnded e) {
            return new KeyState(e.state(), e.videoRoomId());
        } else if (event instanceof StreamKeyForciblyTerminated e) {
            return new KeyState(e.state(), e.videoRoomId());
        }
        return null;
    }

    private record KeyState(StreamKeyState state, Long videoRoomId) {
    }

    private void addIngest(long appId, long streamKeyId, Long videoRoomId, Instant from, Instant to,
                           String messageId) {
        for (HourSlice slice : HourSlice.of(from, to)) {
            add(Scope.APP, appId, appId, slice.hour(), messageId, inc(INGEST_MILLIS, slice.millis()));
            add(Scope.KEY, streamKeyId, appId, slice.hour(), messageId, inc(INGEST_MILLIS, slice.millis()));
            if (videoRoomId != null) {
                add(Scope.ROOM, videoRoomId, appId, slice.hour(), messageId, inc(INGEST_MILLIS, slice.millis()));
            }
        }
    }

    /** Applies {@code changes} to one hour document, once per message. */
    private void add(Scope scope, long ownerId, long appId, Instant hour, String messageId, Bson... changes) {
        List<Bson> all = new ArrayList<>(List.of(changes));
        all.add(identity(scope, ownerId, appId, hour));
        all.add(pushEach(APPLIED, List.of(messageId), new PushOptions().slice(-REMEMBERED_MESSAGES)));
        awaitUnlessStale(hours.updateOne(and(eq("_id", UsageDocuments.hourId(scope, ownerId, hour)),
                ne(APPLIED, messageId)), combine(all), new UpdateOptions().upsert(true)));
    }

    private static Bson identity(Scope scope, long ownerId, long appId, Instant hour) {
        return combine(set(APP_ID, appId), set(SCOPE, scope.prefix), set(OWNER_ID, ownerId),
                set(START, Date.from(hour)));
    }

    /** For a real MongoDB; the embedded server ignores secondary indexes and scans (STACK-FACTS). */
    private void createIndexes() {
        await(keys.createIndex(Indexes.ascending(APP_ID, SINCE)));
    }
}
