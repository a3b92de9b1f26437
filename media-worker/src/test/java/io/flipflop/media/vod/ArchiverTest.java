package io.flipflop.media.vod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flipflop.api.videoroom.CommandOrigin;
import io.flipflop.api.videoroom.FailArchive;
import io.flipflop.media.cmaf.CmafSettings;
import io.flipflop.media.stream.WorkerCommands;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which rooms a worker archives and what it tells them, over a real command bus with recording handlers. */
class ArchiverTest {

    @TempDir
    Path dir;

    private final List<CommandMessage<?>> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger unreachable = new AtomicInteger();

    @Test
    void aRoomWhoseRecordingIsGoneFailsWithTheReasonSentAsThisWorker() {
        Archiver archiver = archiver();
        archiver.wentLive(7, Instant.now());
        archiver.ended(7, dir.resolve("no-such-recording"));

        archiver.archive(7);

        assertThat(sent).singleElement().satisfies(message -> {
            assertThat(message.getPayload()).isEqualTo(new FailArchive(7, "The recording is missing"));
            assertThat(message.getMetaData()).containsEntry(CommandOrigin.METADATA_KEY, "WORKER")
                    .containsEntry(CommandOrigin.ACTOR_KEY, "worker-1");
        });
    }

    @Test
    void roomsThisWorkerDidNotRecordOrThatWereEndedByForceAreLeftAlone() {
        Archiver archiver = archiver();
        archiver.ended(8, dir.resolve("recording"));
        archiver.terminated(8);

        archiver.archive(8);
        archiver.archive(9);

        assertThat(sent).isEmpty();
    }

    @Test
    void anOutcomeThatCouldNotBeDeliveredIsSentAgainWhenTheEventComesAgain() {
        unreachable.set(1);
        Archiver archiver = archiver();
        archiver.ended(10, dir.resolve("no-such-recording"));

        assertThatThrownBy(() -> archiver.archive(10)).isInstanceOf(IllegalStateException.class);
        archiver.archive(10);
        archiver.archive(10);

        assertThat(sent).singleElement().extracting(CommandMessage::getPayload)
                .isEqualTo(new FailArchive(10, "The recording is missing"));
    }

    private Archiver archiver() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(FailArchive.class.getName(), message -> {
            if (unreachable.getAndDecrement() > 0) {
                throw new IllegalStateException("The command side is out of reach");
            }
            sent.add(message);
            return null;
        });
        WorkerCommands commands = new WorkerCommands(DefaultCommandGateway.builder().commandBus(bus).build(),
                "worker-1");
        return new Archiver(new CmafSettings(null, null, null, 0, dir), commands, Clock.systemUTC());
    }
}
