package io.flipflop.query.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.flipflop.api.streamkey.StreamKeyState;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.api.webhook.CallbackDelivery;
import io.flipflop.api.webhook.DeliveryAttempt;
import io.flipflop.api.webhook.DeliveryState;
import io.flipflop.platform.mongo.EmbeddedMongoServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The delivery records on a real MongoDB-wire server: what is due, claims, endings and the purge. */
class DeliveryRecordsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final long APP = 5;

    private final EmbeddedMongoServer server = EmbeddedMongoServer.inMemory();
    private final MongoClient client = MongoClients.create(server.connectionString());
    private final DeliveryRecords records = new DeliveryRecords(client.getDatabase("hooks"));

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void onlyTheOldestPendingDeliveryOfEachResourceIsDue() {
        records.add("live", APP, room(7, VideoRoomState.LIVE), "{}", 20, NOW);
        records.add("scheduled", APP, room(7, VideoRoomState.SCHEDULED), "{}", 10, NOW);
        records.add("key", APP, CallbackNotice.streamKey(8, StreamKeyState.ACTIVE), "{}", 15, NOW);

        assertThat(ids(records.dueHeads(NOW))).containsExactlyInAnyOrder("scheduled", "key");
    }

    @Test
    void aHeadWaitingForItsRetryHoldsBackTheRestOfItsResource() {
        records.add("scheduled", APP, room(7, VideoRoomState.SCHEDULED), "{}", 10, NOW);
        records.add("live", APP, room(7, VideoRoomState.LIVE), "{}", 20, NOW);
        records.retryAt("scheduled", attempt(500), NOW.plusSeconds(30));

        assertThat(records.dueHeads(NOW.plusSeconds(29))).isEmpty();
        assertThat(ids(records.dueHeads(NOW.plusSeconds(30)))).containsExactly("scheduled");
    }

    @Test
    void theNextDeliveryOfAResourceIsDueOnceThePreviousOneEnded() {
        records.add("scheduled", APP, room(7, VideoRoomState.SCHEDULED), "{}", 10, NOW);
        records.add("live", APP, room(7, VideoRoomState.LIVE), "{}", 20, NOW);

        records.finish("scheduled", DeliveryState.FAILED, attempt(500));

        assertThat(ids(records.dueHeads(NOW))).containsExactly("live");
        CallbackDelivery failed = DeliveryRecords.toView(records.delivery("scheduled"));
        assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(failed.nextAttemptAt()).isNull();
        assertThat(failed.attempts()).containsExactly(attempt(500));
    }

    @Test
    void aDueDeliveryIsClaimedOnceAndIsDueAgainWhenTheLeaseEnds() {
        records.add("scheduled", APP, room(7, VideoRoomState.SCHEDULED), "{}", 10, NOW);
        Document head = records.dueHeads(NOW).get(0);

        assertThat(records.claim(head, NOW.plusSeconds(20))).isTrue();
        assertThat(records.claim(head, NOW.plusSeconds(20))).isFalse();
        assertThat(records.dueHeads(NOW.plusSeconds(19))).isEmpty();
        assertThat(ids(records.dueHeads(NOW.plusSeconds(20)))).containsExactly("scheduled");
    }

    @Test
    void recordingTheSameDeliveryTwiceKeepsTheFirstRecord() {
        records.add("scheduled", APP, room(7, VideoRoomState.SCHEDULED), "{\"first\":true}", 10, NOW);
        records.finish("scheduled", DeliveryState.DELIVERED, attempt(200));

        records.add("scheduled", APP, room(7, VideoRoomState.SCHEDULED), "{\"first\":false}", 10, NOW.plusSeconds(5));

        Document record = records.delivery("scheduled");
        assertThat(record.getString(DeliveryRecords.BODY)).isEqualTo("{\"first\":true}");
        assertThat(record.getString(DeliveryRecords.STATE)).isEqualTo("DELIVERED");
    }

    @Test
    void thePurgeForgetsEndedDeliveriesBeforeTheCutoffAndKeepsPendingOnes() {
        records.add("old-delivered", APP, room(7, VideoRoomState.SCHEDULED), "{}", 10, NOW);
        records.add("old-pending", APP, room(8, VideoRoomState.SCHEDULED), "{}", 11, NOW);
        records.add("new-delivered", APP, room(9, VideoRoomState.SCHEDULED), "{}", 12, NOW.plusSeconds(60));
        records.finish("old-delivered", DeliveryState.DELIVERED, attempt(200));
        records.finish("new-delivered", DeliveryState.DELIVERED, attempt(200));

        records.purgeEndedBefore(NOW.plusSeconds(30));

        assertThat(records.delivery("old-delivered")).isNull();
        assertThat(records.delivery("old-pending")).isNotNull();
        assertThat(records.delivery("new-delivered")).isNotNull();
    }

    private static CallbackNotice room(long roomId, VideoRoomState state) {
        return CallbackNotice.videoRoom(roomId, state.name(), state);
    }

    private static DeliveryAttempt attempt(int status) {
        return new DeliveryAttempt(NOW, status, status == 200 ? null : "HTTP " + status, 12);
    }

    private static List<String> ids(List<Document> heads) {
        return heads.stream().map(head -> head.getString("_id")).toList();
    }
}
