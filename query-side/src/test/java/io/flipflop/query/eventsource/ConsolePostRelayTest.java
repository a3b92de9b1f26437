package io.flipflop.query.eventsource;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipflop.api.videopost.ProcessingProgressed;
import io.flipflop.api.videopost.ProcessingStarted;
import io.flipflop.api.videopost.VideoPostCreated;
import io.flipflop.api.videopost.VideoPostDeleted;
import io.flipflop.api.videopost.VideoPostDetails;
import io.flipflop.api.videopost.VideoPostProcessed;
import io.flipflop.api.videopost.VideoPostState;
import io.flipflop.api.videopost.VideoPostType;
import io.flipflop.api.videoroom.CreatorType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** A post's state changes and job progress reach the console pages of its app, and only of its app. */
class ConsolePostRelayTest {

    private static final long APP = 5;
    private static final long POST = 40;

    private final ConsoleEventHub hub = new ConsoleEventHub();
    /** The creation event teaches the owner, so no event store is read here. */
    private final ConsolePostRelay relay = new ConsolePostRelay(hub, new StreamOwners(null));

    @Test
    void creationProgressProcessingAndDeletionAreToldWithTheirPercent() {
        StepVerifier.create(hub.subscribe(APP).take(5).collectList())
                .then(() -> {
                    hub.publish(APP + 1, new ConsoleEvent.VideoPost(99, VideoPostState.CREATED, null));
                    relay.on(new VideoPostCreated(POST, VideoPostState.CREATED, APP, 7, "alice",
                            VideoPostType.PRE_RECORDED, VideoPostDetails.EMPTY, CreatorType.APP, APP));
                    relay.on(new ProcessingStarted(POST, VideoPostState.PROCESSING, "worker-1", 1));
                    relay.on(new ProcessingProgressed(POST, VideoPostState.PROCESSING, 42.5, 30.0, 12L));
                    relay.on(new VideoPostProcessed(POST, VideoPostState.PROCESSED, List.of(), List.of()));
                    relay.on(new VideoPostDeleted(POST, VideoPostState.PROCESSED, APP));
                })
                .assertNext(events -> assertThat(events).containsExactly(
                        new ConsoleEvent.VideoPost(POST, VideoPostState.CREATED, null),
                        new ConsoleEvent.VideoPost(POST, VideoPostState.PROCESSING, 0.0),
                        new ConsoleEvent.VideoPost(POST, VideoPostState.PROCESSING, 42.5),
                        new ConsoleEvent.VideoPost(POST, VideoPostState.PROCESSED, 100.0),
                        new ConsoleEvent.VideoPost(POST, VideoPostState.PROCESSED, null)))
                .expectComplete().verify(Duration.ofSeconds(5));
    }
}
