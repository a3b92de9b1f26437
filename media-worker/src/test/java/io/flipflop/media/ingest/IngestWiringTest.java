package io.flipflop.media.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import io.flipflop.api.streamkey.IngestStopReason;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.api.streamkey.RenewIngestLease;
import io.flipflop.api.streamkey.StartCmafPublish;
import io.flipflop.api.streamkey.StartIngest;
import io.flipflop.api.streamkey.StopCmafPublish;
import io.flipflop.api.streamkey.StopIngest;
import io.flipflop.api.streamkey.StreamKeyForciblyTerminated;
import io.flipflop.api.streamkey.StreamKeyState;
import io.flipflop.api.videoroom.CommandOrigin;
import io.flipflop.media.MediaWorkerApplication;
import io.flipflop.media.stream.MediaSinkFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The media worker's Spring context alone: the RTMP server starts and stops with it, ingest commands leave through
 * Axon's command bus with the worker's origin, and a force-terminate event disconnects the publisher. The command
 * side is not on this classpath, so recording handlers on the command bus stand in for the stream key.
 */
class IngestWiringTest {

    private static final String KEY = "wiringKey0123456789abcdefABCDEF";
    private final RecordingSinks sinks = new RecordingSinks();
    private final List<CommandMessage<?>> commands = new CopyOnWriteArrayList<>();
    private ConfigurableApplicationContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void publishesThroughTheCommandBusAndObeysRevocationAndShutdown() throws IOException {
        context = new SpringApplicationBuilder(MediaWorkerApplication.class)
                .properties("flipflop.mongodb.in-memory=true", "server.port=0", "flipflop.rtmp.port=0",
                        "flipflop.rtmp.bind-address=127.0.0.1", "flipflop.media.worker-id=worker-wiring",
                        "flipflop.ingest.lease=30s")
                .initializers(ctx -> ((GenericApplicationContext) ctx).registerBean(MediaSinkFactory.class,
                        () -> sinks, definition -> definition.setPrimary(true)))
                .run();
        CommandBus bus = context.getBean(CommandBus.class);
        for (Class<?> command : List.of(StartIngest.class, StartCmafPublish.class, StopIngest.class,
                StopCmafPublish.class, RenewIngestLease.class)) {
            bus.subscribe(command.getName(), message -> {
                commands.add(message);
                return null;
            });
        }
        MongoDatabase database = context.getBean(MongoDatabase.class);
        database.getCollection(StreamKeyLookup.COLLECTION).insertOne(new Document("_id", KEY)
                .append("streamKeyId", 7L).append("appId", 1L).append("memberId", 2L));
        database.getCollection(StreamKeyLookup.COLLECTION).insertOne(new Document("_id", KEY + "2")
                .append("streamKeyId", 8L).append("appId", 1L).append("memberId", 2L));
        int port = context.getBean(RtmpServer.class).port();

        try (RtmpTestClient terminated = new RtmpTestClient(port); RtmpTestClient stopped = new RtmpTestClient(port)) {
            assertThat(terminated.publish(KEY)).isEqualTo("NetStream.Publish.Start");
            assertThat(stopped.publish(KEY + "2")).isEqualTo("NetStream.Publish.Start");
            assertThat(commands.get(0).getMetaData()).containsEntry(CommandOrigin.METADATA_KEY, "WORKER")
                    .containsEntry(CommandOrigin.ACTOR_KEY, "worker-wiring");

            context.getBean(EventBus.class).publish(new GenericDomainEventMessage<>("StreamKey", "7", 5,
                    new StreamKeyForciblyTerminated(7, StreamKeyState.INACTIVE, StreamKeyState.ACTIVE_PREP,
                            "worker-wiring", null, KEY, "replacementKey")));

            // generous waits: a busy machine delays the tracking processor, and only the outcome is asserted
            assertThat(terminated.closedWithin(Duration.ofSeconds(10))).isTrue();
            context.close();
            assertThat(payloads()).containsExactly(
                    new StartIngest(7, "worker-wiring", OutputMode.CMAF, Duration.ofSeconds(30)),
                    new StartIngest(8, "worker-wiring", OutputMode.CMAF, Duration.ofSeconds(30)),
                    new StopIngest(8, "worker-wiring", IngestStopReason.WORKER_STOPPED));
            assertThat(stopped.closedWithin(Duration.ofSeconds(10))).isTrue();
        }
    }

    private List<Object> payloads() {
        await().atMost(Duration.ofSeconds(10)).until(() -> commands.size() >= 3);
        return commands.stream().map(CommandMessage::getPayload).map(Object.class::cast).toList();
    }
}
