package io.flipflop.query.eventsource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flipflop.api.streamkey.IngestStarted;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.api.streamkey.StreamKeyCreated;
import io.flipflop.api.streamkey.StreamKeyState;
import io.flipflop.platform.playback.PlaybackUrls;
import io.flipflop.query.QuerySideApplication;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;

/**
 * The query side runs the relay in its own tracking processor and hands its signals to the hub within a few
 * hundred milliseconds of the events being appended in this JVM; the event source needs a member's token.
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "flipflop.mongodb.in-memory=true")
class MemberEventSourceWiringTest {

    @Autowired
    private EventStore eventStore;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private MemberEventHub hub;

    @Autowired
    private WebTestClient http;

    @Test
    void anAppendedKeyChangeReachesItsOwnersConnectionWithinAFewHundredMilliseconds() {
        TrackingEventProcessor relay = processing.eventProcessor(MemberEventSourceProcessing.PROCESSING_GROUP,
                TrackingEventProcessor.class).orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> relay.processingStatus().size() == 1);
        List<MemberSignal> signals = new CopyOnWriteArrayList<>();
        Disposable connection = hub.subscribe(new MemberAddress(100, 1)).subscribe(signals::add);

        eventStore.publish(List.of(
                new GenericDomainEventMessage<>("StreamKey", "2", 0, new StreamKeyCreated(2, 100, 1, "sk-1"),
                        Map.of()),
                new GenericDomainEventMessage<>("StreamKey", "2", 1,
                        new IngestStarted(2, StreamKeyState.ACTIVE_PREP, "w1", OutputMode.CMAF, null), Map.of())));

        await().atMost(Duration.ofMillis(500)).untilAsserted(() -> assertThat(signals).singleElement()
                .satisfies(signal -> assertThat(signal.customData())
                        .isEqualTo(ChangeData.StreamKeyChange.of(2, StreamKeyState.ACTIVE_PREP, null,
                                PlaybackUrls.at("http://unused")))));
        connection.dispose();
    }

    @Test
    void theEventSourceNeedsAMembersToken() {
        http.get().uri("/v2/members/me/event-sources").exchange().expectStatus().isUnauthorized();
    }
}
