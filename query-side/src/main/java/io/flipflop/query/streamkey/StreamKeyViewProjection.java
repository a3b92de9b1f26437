package io.flipflop.query.streamkey;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static io.flipflop.query.readmodel.ReadModelWrites.VERSION;
import static io.flipflop.query.readmodel.ReadModelWrites.await;
import static io.flipflop.query.readmodel.ReadModelWrites.awaitUnlessStale;
import static io.flipflop.query.readmodel.ReadModelWrites.queue;
import static io.flipflop.query.streamkey.StreamKeyDocuments.ACTIVE;
import static io.flipflop.query.streamkey.StreamKeyDocuments.APP_ID;
import static io.flipflop.query.streamkey.StreamKeyDocuments.APP_USER_ID;
import static io.flipflop.query.streamkey.StreamKeyDocuments.APP_USER_NAME;
import static io.flipflop.query.streamkey.StreamKeyDocuments.APP_USER_PROFILE_IMG_URL;
import static io.flipflop.query.streamkey.StreamKeyDocuments.CREATED_AT;
import static io.flipflop.query.streamkey.StreamKeyDocuments.CUSTOM_TYPE;
import static io.flipflop.query.streamkey.StreamKeyDocuments.DELETED;
import static io.flipflop.query.streamkey.StreamKeyDocuments.FORCIBLY_TERMINATED;
import static io.flipflop.query.streamkey.StreamKeyDocuments.LAST_MODIFIED_AT;
import static io.flipflop.query.streamkey.StreamKeyDocuments.MEMBER_ID;
import static io.flipflop.query.streamkey.StreamKeyDocuments.MEMBER_STATE;
import static io.flipflop.query.streamkey.StreamKeyDocuments.MEMBER_VERSION;
import static io.flipflop.query.streamkey.StreamKeyDocuments.MODE;
import static io.flipflop.query.streamkey.StreamKeyDocuments.STREAM_KEY;
import static io.flipflop.query.streamkey.StreamKeyDocuments.STREAM_KEY_ID;
import static io.flipflop.query.streamkey.StreamKeyDocuments.STREAM_KEY_STATE;
import static io.flipflop.query.streamkey.StreamKeyDocuments.VIDEO_ROOM_ID;

import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.member.MemberDeleted;
import io.flipflop.api.member.MemberProfile;
import io.flipflop.api.member.MemberProfileUpdated;
import io.flipflop.api.member.MemberRegistered;
import io.flipflop.api.streamkey.CmafPublishStarted;
import io.flipflop.api.streamkey.CmafPublishStopped;
import io.flipflop.api.streamkey.IngestStarted;
import io.flipflop.api.streamkey.IngestStopped;
import io.flipflop.api.streamkey.StreamKeyBroadcastEnded;
import io.flipflop.api.streamkey.StreamKeyCreated;
import io.flipflop.api.streamkey.StreamKeyForciblyTerminated;
import io.flipflop.api.streamkey.StreamKeyReissued;
import io.flipflop.api.streamkey.StreamKeyState;
import io.flipflop.api.streamkey.StreamKeyWentLive;
import io.flipflop.query.readmodel.UnchangingLookup;
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
import reactor.core.publisher.Mono;

/**
 * Keeps the {@value StreamKeyDocuments#COLLECTION} read model in step with the stream key events, and with the
 * owning member's events for the owner fields. Each stream key event carries the key's state afterwards, so a
 * handler only copies it; what the aggregate clears on a transition (the ingest's mode when it stops, the room
 * when the broadcast ends) is cleared here the same way.
 */
@Component
@ProcessingGroup(StreamKeyViewProjection.PROCESSING_GROUP)
public class StreamKeyViewProjection {

    public static final String PROCESSING_GROUP = "stream-keys";

    /** As long as a write may take (ReadModelWrites); failing hands the event back to the processor. */

    private final MongoCollection<Document> keys;
    private final MongoCollection<Document> members;
    /** A member's stream key id, written once with the member. */
    private final UnchangingLookup<Long> memberKeys;

    public StreamKeyViewProjection(MongoDatabase database) {
        this.keys = database.getCollection(StreamKeyDocuments.COLLECTION);
        this.members = database.getCollection(StreamKeyDocuments.MEMBERS_COLLECTION);
        this.memberKeys = new UnchangingLookup<>(memberId -> Mono.from(members.find(eq("_id", memberId)).first())
                .map(mapping -> mapping.getLong(STREAM_KEY_ID)));
        createIndexes();
    }

    /** Upserts: the member's registration may have created the document already. */
    @EventHandler
    public void on(StreamKeyCreated event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        Date at = Date.from(timestamp);
        awaitUnlessStale(keys.updateOne(and(eq("_id", event.streamKeyId()), or(exists(VERSION, false),
                        lt(VERSION, sequence))),
                combine(set(APP_ID, event.appId()), set(MEMBER_ID, event.memberId()),
                        set(STREAM_KEY, event.streamKey()), set(STREAM_KEY_STATE, StreamKeyState.INACTIVE.name()),
                        set(FORCIBLY_TERMINATED, false), set(VIDEO_ROOM_ID, null), set(MODE, null),
                        set(CREATED_AT, at), set(LAST_MODIFIED_AT, at), set(VERSION, sequence)),
                new UpdateOptions().upsert(true)));
    }

    /** A new ingest clears the mark of an earlier forced end, as the aggregate does. */
    @EventHandler
    public void on(IngestStarted event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event.streamKeyId(), sequence, timestamp, event.state(), set(MODE, name(event.mode())),
                set(FORCIBLY_TERMINATED, false), set(VIDEO_ROOM_ID, event.videoRoomId()));
    }

    @EventHandler
    public void on(IngestStopped event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event.streamKeyId(), sequence, timestamp, event.state(), set(MODE, null),
                set(VIDEO_ROOM_ID, event.videoRoomId()));
    }

    @EventHandler
    public void on(CmafPublishStarted event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event.streamKeyId(), sequence, timestamp, event.state(), set(VIDEO_ROOM_ID, event.videoRoomId()));
    }

    @EventHandler
    public void on(CmafPublishStopped event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event.streamKeyId(), sequence, timestamp, event.state(), set(MODE, null),
                set(VIDEO_ROOM_ID, event.videoRoomId()));
    }

    @EventHandler
    public void on(StreamKeyWentLive event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event.streamKeyId(), sequence, timestamp, event.state(), set(VIDEO_ROOM_ID, event.videoRoomId()));
    }

    @EventHandler
    public void on(StreamKeyBroadcastEnded event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event.streamKeyId(), sequence, timestamp, event.state(), set(VIDEO_ROOM_ID, null));
    }

    @EventHandler
    public void on(StreamKeyForciblyTerminated event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event.streamKeyId(), sequence, timestamp, event.state(), set(MODE, null), set(VIDEO_ROOM_ID, null),
                set(STREAM_KEY, event.streamKey()), set(FORCIBLY_TERMINATED, true));
    }

    @EventHandler
    public void on(StreamKeyReissued event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        change(event.streamKeyId(), sequence, timestamp, event.state(), set(STREAM_KEY, event.streamKey()));
    }

    /** A guest has no stream key, so nothing to own. */
    @EventHandler
    public void on(MemberRegistered event, @SequenceNumber long sequence) {
        if (event.streamKeyId() == null) {
            return;
        }
        await(members.updateOne(eq("_id", event.memberId()), set(STREAM_KEY_ID, event.streamKeyId()),
                new UpdateOptions().upsert(true)));
        memberKeys.remember(event.memberId(), event.streamKeyId());
        List<Bson> fields = new ArrayList<>(profile(event.profile()));
        fields.addAll(List.of(set(APP_USER_ID, event.appUserId()), set(MEMBER_STATE, ACTIVE)));
        owner(event.streamKeyId(), sequence, fields);
    }

    @EventHandler
    public void on(MemberProfileUpdated event, @SequenceNumber long sequence) {
        memberKeys.get(event.memberId()).ifPresent(streamKeyId -> owner(streamKeyId, sequence, profile(event.profile())));
    }

    /** The key stays, its member marked deleted: reads hide it, and a replay still finds its versions. */
    @EventHandler
    public void on(MemberDeleted event, @SequenceNumber long sequence) {
        memberKeys.get(event.memberId()).ifPresent(streamKeyId -> owner(streamKeyId, sequence,
                List.of(set(MEMBER_STATE, DELETED))));
    }

    /** A replay starts from empty collections, so what it builds depends on the events alone. */
    @ResetHandler
    public void reset() {
        await(keys.drop());
        await(members.drop());
        memberKeys.forgetAll();
        createIndexes();
    }

    private void change(long streamKeyId, long sequence, Instant timestamp, StreamKeyState state, Bson... fields) {
        List<Bson> all = new ArrayList<>(Arrays.asList(fields));
        all.addAll(List.of(set(STREAM_KEY_STATE, state.name()), set(LAST_MODIFIED_AT, Date.from(timestamp)),
                set(VERSION, sequence)));
        await(keys.updateOne(and(eq("_id", streamKeyId), lt(VERSION, sequence)), combine(all)));
    }

    private void owner(long streamKeyId, long memberSequence, List<Bson> fields) {
        List<Bson> all = new ArrayList<>(fields);
        all.add(set(MEMBER_VERSION, memberSequence));
        queue(keys, streamKeyId, and(eq("_id", streamKeyId), or(exists(MEMBER_VERSION, false),
                lt(MEMBER_VERSION, memberSequence))), all, true);
    }

    private static List<Bson> profile(MemberProfile profile) {
        MemberProfile given = profile == null ? MemberProfile.EMPTY : profile;
        return List.of(set(APP_USER_NAME, given.appUserName()),
                set(APP_USER_PROFILE_IMG_URL, given.appUserProfileImgUrl()), set(CUSTOM_TYPE, given.customType()));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** For a real MongoDB; the embedded server ignores secondary indexes and scans (STACK-FACTS). */
    private void createIndexes() {
        Arrays.stream(StreamKeySort.values()).map(StreamKeySort::field).distinct()
                .forEach(field -> await(keys.createIndex(Indexes.ascending(APP_ID, field, "_id"))));
    }
}
