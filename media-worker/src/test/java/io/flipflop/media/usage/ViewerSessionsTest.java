package io.flipflop.media.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.flipflop.api.usage.PlaybackUsageReported;
import io.flipflop.api.usage.RoomPlayback;
import io.flipflop.media.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViewerSessionsTest {

    private static final Instant TEN = Instant.parse("2026-11-28T10:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(8);
    private static final long APP = 1;
    private static final long ROOM = 10;
    private static final long OTHER_ROOM = 11;

    private final TestClock clock = new TestClock(TEN);
    private final ViewerSessions sessions = new ViewerSessions(clock, TIMEOUT, WINDOW, "worker-1");

    @Test
    void aSessionIsStillOpenJustBeforeATimeoutAfterItsLastMedia() {
        sessions.delivered(APP, ROOM, "alice", Delivery.untimed(700));
        clock.advance(Duration.ofSeconds(6));
        sessions.delivered(APP, ROOM, "alice", Delivery.segment(1000, 0, 2000));
        clock.advance(TIMEOUT.minusMillis(1));

        sessions.delivered(APP, ROOM, "bob", Delivery.segment(1000, 0, 2000));

        assertThat(peaksUntilIdle()).containsExactly(1, 1, 2, 1, 1);
    }

    @Test
    void aSessionClosesATimeoutAfterItsLastMedia() {
        sessions.delivered(APP, ROOM, "alice", Delivery.untimed(700));
        clock.advance(Duration.ofSeconds(6));
        sessions.delivered(APP, ROOM, "alice", Delivery.segment(1000, 0, 2000));
        clock.advance(TIMEOUT);

        sessions.delivered(APP, ROOM, "bob", Delivery.segment(1000, 0, 2000));

        assertThat(peaksUntilIdle()).containsExactly(1, 1, 1, 1, 1);
    }

    @Test
    void pollingManifestsCountsBytesButOpensNoSession() {
        sessions.delivered(APP, ROOM, "alice", Delivery.bytesOnly(300));
        sessions.delivered(APP, ROOM, "alice", Delivery.bytesOnly(300));

        clock.advance(WINDOW);
        assertThat(sessions.drain()).singleElement().satisfies(report -> {
            assertThat(report.peakConcurrentViewers()).isZero();
            assertThat(report.rooms()).containsExactly(new RoomPlayback(ROOM, 0, 600, 0));
        });
    }

    @Test
    void eachPieceOfMediaIsChargedOncePerSession() {
        sessions.delivered(APP, ROOM, "alice", Delivery.part(100, 5, 0, 500));
        sessions.delivered(APP, ROOM, "alice", Delivery.part(100, 5, 1, 500));
        sessions.delivered(APP, ROOM, "alice", Delivery.part(100, 5, 1, 500));
        sessions.delivered(APP, ROOM, "alice", Delivery.segment(400, 5, 2000));
        sessions.delivered(APP, ROOM, "alice", Delivery.segment(400, 5, 2000));
        sessions.delivered(APP, ROOM, "alice", Delivery.part(100, 5, 3, 500));
        sessions.delivered(APP, ROOM, "bob", Delivery.segment(400, 5, 2000));

        clock.advance(WINDOW);
        RoomPlayback room = sessions.drain().get(0).rooms().get(0);

        assertThat(room.deliveredMillis()).isEqualTo(2000 + 2000);
        assertThat(room.deliveredBytes()).isEqualTo(4 * 100 + 2 * 400 + 400);
    }

    @Test
    void concurrentViewersArePeakedPerRoomAndSummedOverTheAppsRooms() {
        sessions.delivered(APP, ROOM, "alice", Delivery.segment(1, 0, 2000));
        sessions.delivered(APP, ROOM, "bob", Delivery.segment(1, 0, 2000));
        sessions.delivered(APP, OTHER_ROOM, "alice", Delivery.segment(1, 0, 2000));
        sessions.delivered(2, 20, "carol", Delivery.segment(1, 0, 2000));

        clock.advance(WINDOW);
        List<PlaybackUsageReported> reports = sessions.drain();

        PlaybackUsageReported app = reports.stream().filter(r -> r.appId() == APP).findFirst().orElseThrow();
        assertThat(app.peakConcurrentViewers()).isEqualTo(3);
        assertThat(app.rooms()).extracting(RoomPlayback::videoRoomId, RoomPlayback::peakConcurrentViewers)
                .containsExactlyInAnyOrder(tuple(ROOM, 2),
                        tuple(OTHER_ROOM, 1));
        assertThat(reports).filteredOn(r -> r.appId() == 2).singleElement()
                .extracting(PlaybackUsageReported::peakConcurrentViewers).isEqualTo(1);
    }

    @Test
    void viewersStillWatchingCountInTheNextWindowUntilTheirSessionsClose() {
        sessions.delivered(APP, ROOM, "alice", Delivery.segment(1, 0, 2000));
        sessions.delivered(APP, ROOM, "bob", Delivery.segment(1, 0, 2000));
        clock.advance(Duration.ofSeconds(6));
        sessions.delivered(APP, ROOM, "alice", Delivery.segment(1, 1, 2000));

        clock.advance(Duration.ofSeconds(4));
        List<PlaybackUsageReported> reports = sessions.drain();

        assertThat(reports).extracting(PlaybackUsageReported::peakConcurrentViewers).containsExactly(2, 2);
        clock.advance(Duration.ofSeconds(5));
        assertThat(sessions.drain()).extracting(PlaybackUsageReported::peakConcurrentViewers).containsExactly(1);
        clock.advance(Duration.ofHours(1));
        assertThat(sessions.drain()).isEmpty();
    }

    @Test
    void windowsAreAlignedToTheEpochAndReportedOnceWhenTheyEnd() {
        clock.advance(Duration.ofMillis(3500));
        sessions.delivered(APP, ROOM, "alice", Delivery.segment(1, 0, 2000));
        assertThat(sessions.drain()).isEmpty();

        clock.advance(Duration.ofMillis(1500));
        List<PlaybackUsageReported> reports = sessions.drain();

        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.windowStart()).isEqualTo(TEN);
            assertThat(report.windowEnd()).isEqualTo(TEN.plus(WINDOW));
            assertThat(report.workerId()).isEqualTo("worker-1");
        });
        assertThat(sessions.drain()).isEmpty();
    }

    @Test
    void drainingAllCutsTheCurrentWindowShort() {
        clock.advance(Duration.ofSeconds(2));
        sessions.delivered(APP, ROOM, "alice", Delivery.segment(1, 0, 2000));

        List<PlaybackUsageReported> reports = sessions.drainAll();

        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.windowStart()).isEqualTo(TEN);
            assertThat(report.windowEnd()).isEqualTo(TEN.plusSeconds(2));
            assertThat(report.rooms().get(0).deliveredMillis()).isEqualTo(2000);
        });
    }

    @Test
    void aWindowThatDoesNotDivideAnHourIsRefused() {
        assertThatThrownBy(() -> new ViewerSessions(clock, TIMEOUT, Duration.ofSeconds(7), "worker-1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The room's peak of every window reported until no session is open any more. */
    private List<Integer> peaksUntilIdle() {
        clock.advance(Duration.ofMinutes(1));
        return sessions.drain().stream().map(report -> report.rooms().get(0).peakConcurrentViewers()).toList();
    }
}
