package io.flipflop.media.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.flipflop.api.usage.StorageMeasured;
import io.flipflop.media.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageMeterTest {

    private static final long APP = 1;
    private static final long OTHER_APP = 2;
    private static final Map<Long, Long> APP_OF_KEY = Map.of(10L, APP, 11L, APP, 20L, OTHER_APP);
    private static final Map<Long, Long> APP_OF_ROOM = Map.of(500L, APP);

    @TempDir
    Path media;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-28T10:15:00Z"));
    private Path live;
    private Path vod;
    private StorageMeter meter;

    @BeforeEach
    void aLiveRoot() {
        live = media.resolve("live");
        vod = media.resolve("vod");
        meter = meter();
    }

    @Test
    void theBytesUnderEachKeysDirectoryCountForItsApp() throws Exception {
        write(live.resolve("10/1700000000000/seg-0.m4s"), 1000);
        write(live.resolve("11/1700000000001/init-0.mp4"), 200);
        write(live.resolve("20/1700000000002/seg-0.m4s"), 50);
        write(live.resolve("99/1700000000003/seg-0.m4s"), 7);

        assertThat(meter.measure()).extracting(StorageMeasured::appId, StorageMeasured::bytes)
                .containsExactlyInAnyOrder(tuple(APP, 1200L),
                        tuple(OTHER_APP, 50L));
    }

    @Test
    void anArchiveCountsForItsRoomsAppAndSegmentsLinkedIntoItOnlyOnce() throws Exception {
        write(live.resolve("10/1/seg-0.m4s"), 1000);
        write(live.resolve("10/1/seg-1.m4s"), 300);
        Files.createDirectories(vod.resolve("500"));
        Files.createLink(vod.resolve("500/seg-1.m4s"), live.resolve("10/1/seg-1.m4s"));
        write(vod.resolve("500/index.m3u8"), 40);

        assertThat(meter.measure()).singleElement().extracting(StorageMeasured::bytes).isEqualTo(1340L);
    }

    @Test
    void anAppIsReportedWhenItsBytesChangeAndOncePerHourOtherwise() throws Exception {
        write(live.resolve("10/1/seg-0.m4s"), 1000);
        assertThat(meter.measure()).hasSize(1);

        clock.advance(Duration.ofMinutes(1));
        assertThat(meter.measure()).isEmpty();

        write(live.resolve("10/1/seg-1.m4s"), 500);
        assertThat(meter.measure()).singleElement().extracting(StorageMeasured::bytes).isEqualTo(1500L);

        clock.advance(Duration.ofHours(1));
        assertThat(meter.measure()).singleElement().satisfies(measured -> {
            assertThat(measured.bytes()).isEqualTo(1500);
            assertThat(measured.measuredAt()).isEqualTo(Instant.parse("2026-11-28T11:16:00Z"));
        });
    }

    @Test
    void deletedMediaIsReportedAsZeroOnce() throws Exception {
        write(live.resolve("10/1/seg-0.m4s"), 1000);
        meter.measure();

        Files.delete(live.resolve("10/1/seg-0.m4s"));

        assertThat(meter.measure()).singleElement().extracting(StorageMeasured::bytes).isEqualTo(0L);
        clock.advance(Duration.ofHours(1));
        assertThat(meter.measure()).isEmpty();
    }

    @Test
    void theVolumeKeepsItsIdAcrossRestarts() throws Exception {
        write(live.resolve("10/1/seg-0.m4s"), 1000);
        String volume = meter.measure().get(0).volumeId();

        assertThat(meter().measure().get(0).volumeId()).isEqualTo(volume);
    }

    private StorageMeter meter() {
        return new StorageMeter(List.of(new StorageMeter.Root(live, key -> app(APP_OF_KEY, key)),
                new StorageMeter.Root(vod, room -> app(APP_OF_ROOM, room))), media.resolve("volume-id"), clock,
                "worker-1");
    }

    private static OptionalLong app(Map<Long, Long> apps, long owner) {
        return apps.containsKey(owner) ? OptionalLong.of(apps.get(owner)) : OptionalLong.empty();
    }

    private static void write(Path file, int bytes) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[bytes]);
    }
}
