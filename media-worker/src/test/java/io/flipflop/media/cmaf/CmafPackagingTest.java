package io.flipflop.media.cmaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.media.stream.FlvTag;
import io.flipflop.media.stream.MediaSink;
import io.flipflop.media.stream.PublishedStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box: a real H.264/AAC FLV (made by the bundled ffmpeg) goes through the sink as the RTMP server would
 * hand it over; ffprobe reads what comes out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CmafPackagingTest {

    private static final int SECONDS = 8;

    private Path dir;
    private List<FlvTag> tags;
    private AvioCallbacks callbacks;

    @BeforeAll
    void makeSource(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        tags = TestMedia.readFlv(TestMedia.makeFlv(dir, SECONDS));
        callbacks = new AvioCallbacks();
    }

    @AfterAll
    void freeCallbacks() {
        callbacks.destroy();
    }

    @Test
    void aPublishBecomesHlsAndDashThatFfprobeReads() throws Exception {
        Packaged run = publish(tags, 1);

        InitSegment init = run.live.store().current().currentInit().orElseThrow();
        assertThat(init.brands()).contains("cmfc", "iso6");
        assertThat(init.codecs()).anyMatch(c -> c.startsWith("avc1.")).contains("mp4a.40.2");
        assertThat(init.width()).isEqualTo(1280);
        assertThat(init.height()).isEqualTo(720);
        assertThat(run.published).hasValue(1);
        assertThat(run.violations).isEmpty();
        assertThat(run.versions).isGreaterThan(10);

        Path out = run.live.recordingDirectory();
        Snapshot ended = run.live.store().current();
        Files.writeString(out.resolve(MediaNames.MEDIA_PLAYLIST), HlsMediaPlaylist.render(ended, false));
        Files.writeString(out.resolve(MediaNames.MPD), DashManifest.render(ended, "/live/time"));
        for (String file : List.of(MediaNames.MEDIA_PLAYLIST, MediaNames.MPD, MediaNames.RECORDING_PLAYLIST)) {
            String probe = TestMedia.probe(out.resolve(file));
            assertThat(probe).as(file).contains("\"h264\"", "\"aac\"");
            assertThat(TestMedia.duration(probe)).as(file).isCloseTo(SECONDS, offset(2.0));
        }
    }

    @Test
    void theLivePlaylistsAreLowLatencyHlsAndDynamicDash() throws Exception {
        Packaged run = publish(tags, 2);
        String live = run.lastLivePlaylist;

        assertThat(live).contains("#EXT-X-PART-INF:PART-TARGET=0.500", "CAN-BLOCK-RELOAD=YES", "PART-HOLD-BACK=1.500",
                "#EXT-X-PRELOAD-HINT:TYPE=PART", "INDEPENDENT=YES", "#EXT-X-MAP:URI=\"init-0.mp4\"",
                "#EXT-X-PROGRAM-DATE-TIME:");
        assertThat(run.lastLiveMpd).contains("type=\"dynamic\"", "availabilityStartTime=", "publishTime=",
                "minimumUpdatePeriod=", "timeShiftBufferDepth=", "availabilityTimeOffset=\"1.500\"",
                "media=\"seg-$Number$.m4s\"", "timescale=\"1000\"",
                "<UTCTiming schemeIdUri=\"urn:mpeg:dash:utc:http-iso:2014\" value=\"/live/time\"/>");
        assertThat(run.live.multivariantPlaylist()).contains("CODECS=\"avc1.", ",mp4a.40.2\"", "RESOLUTION=1280x720",
                MediaNames.MEDIA_PLAYLIST);
        Snapshot s = run.live.store().current();
        assertThat(s.segments()).allSatisfy(seg -> assertThat(seg.duration()).isBetween(1900L, 2100L).as("%s", seg));
    }

    @Test
    void aTimestampJumpOfAnHourMidStreamIsADiscontinuityNotAnHourLongSegment() throws Exception {
        List<FlvTag> jumped = new ArrayList<>();
        for (FlvTag tag : tags) {
            long ts = tag.timestamp() >= 4000 ? tag.timestamp() + 3_600_000 : tag.timestamp();
            jumped.add(new FlvTag(tag.type(), ts, tag.body()));
        }
        Packaged run = publish(jumped, 3);

        Snapshot s = run.live.store().current();
        assertThat(s.segments()).anyMatch(Segment::discontinuity);
        assertThat(s.segments()).allSatisfy(seg -> assertThat(seg.duration()).isLessThanOrEqualTo(4000));
        assertThat(run.violations).isEmpty();
        String playlist = HlsMediaPlaylist.render(s, false);
        assertThat(playlist).contains("#EXT-X-DISCONTINUITY");
        Path out = run.live.recordingDirectory();
        Files.writeString(out.resolve(MediaNames.MEDIA_PLAYLIST), playlist);
        assertThat(TestMedia.duration(TestMedia.probe(out.resolve(MediaNames.MEDIA_PLAYLIST))))
                .isCloseTo(SECONDS, offset(2.0));
    }

    @Test
    void aReconnectContinuesThePlaylistAfterADiscontinuityWithANewMap() throws Exception {
        LiveStreams streams = new LiveStreams(settings());
        CmafSinkFactory factory = new CmafSinkFactory(streams, callbacks, settings());
        PublishedStream stream = new PublishedStream(4, 1, 1, "w", OutputMode.CMAF);
        for (int publish = 0; publish < 2; publish++) {
            try (MediaSink sink = factory.open(stream, () -> { })) {
                tags.subList(0, tags.size() / 2).forEach(sink::accept);
            }
        }
        LiveStream live = streams.find(4).orElseThrow();
        String playlist = HlsMediaPlaylist.render(live.store().current(), false);

        assertThat(playlist).contains("#EXT-X-DISCONTINUITY\n#EXT-X-MAP:URI=\"init-1.mp4\"");
        assertThat(live.store().current().periods()).hasSize(2);
        assertThat(live.mpd("/live/time")).contains("<Period id=\"0\"", "<Period id=\"1\"");
        assertThat(LlHlsRules.violations(playlist)).isEmpty();
    }

    @Test
    void malformedTagsAreDroppedAndThePublishStillPackages() throws Exception {
        List<FlvTag> withGarbage = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            withGarbage.add(tags.get(i));
            if (i % 50 == 25) {
                withGarbage.add(new FlvTag(7, tags.get(i).timestamp(), new byte[]{1, 2, 3}));
                withGarbage.add(new FlvTag(FlvTag.VIDEO, tags.get(i).timestamp(), new byte[0]));
                withGarbage.add(new FlvTag(FlvTag.VIDEO, -5, new byte[]{0x17, 1}));
            }
        }
        Packaged run = publish(withGarbage, 5);

        assertThat(run.published).hasValue(1);
        assertThat(run.live.store().current().segments()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void garbageThatFfmpegRejectsEndsOnlyThatPublish() throws Exception {
        LiveStreams streams = new LiveStreams(settings());
        CmafSinkFactory factory = new CmafSinkFactory(streams, callbacks, settings());
        byte[] noise = new byte[4000];
        new java.util.Random(7).nextBytes(noise);
        try (MediaSink sink = factory.open(new PublishedStream(6, 1, 1, "w", OutputMode.CMAF), () -> { })) {
            for (int i = 0; i < 200; i++) {
                sink.accept(new FlvTag(FlvTag.VIDEO, i * 33L, noise));
                sink.accept(new FlvTag(FlvTag.AUDIO, i * 33L, noise));
            }
        }
        // Still alive: the next publish on another key packages normally.
        Packaged run = publish(tags.subList(0, tags.size() / 2), 7);
        assertThat(run.published).hasValue(1);
    }

    /** Publishes {@code source} on a fresh key, validating every playlist version as parts land. */
    private Packaged publish(List<FlvTag> source, long streamKeyId) throws Exception {
        LiveStreams streams = new LiveStreams(settings());
        CmafSinkFactory factory = new CmafSinkFactory(streams, callbacks, settings());
        Packaged run = new Packaged();
        PublishedStream stream = new PublishedStream(streamKeyId, 1, 1, "worker-1", OutputMode.CMAF);
        MediaSink sink = factory.open(stream, run.published::incrementAndGet);
        run.live = streams.find(streamKeyId).orElseThrow();
        run.watch(0);
        source.forEach(sink::accept);
        sink.close();
        Snapshot beforeEnd = run.live.store().current();
        run.lastLivePlaylist = HlsMediaPlaylist.render(beforeEnd, false);
        run.lastLiveMpd = DashManifest.render(beforeEnd, "/live/time");
        streams.end(streamKeyId);
        return run;
    }

    private CmafSettings settings() {
        return new CmafSettings(null, null, null, 0, dir.resolve("data"));
    }

    /** One publish's outcome, and a check of every playlist version, run as each part lands. */
    private static final class Packaged {
        final AtomicInteger published = new AtomicInteger();
        final List<String> violations = Collections.synchronizedList(new ArrayList<>());
        volatile int versions;
        LiveStream live;
        String lastLivePlaylist;
        String lastLiveMpd;

        void watch(long partSequence) {
            live.store().await(s -> s.nextPartSequence() > partSequence, Duration.ofMinutes(1)).thenAccept(s -> {
                if (s.ended()) {
                    return;
                }
                versions++;
                for (boolean skip : new boolean[]{false, true}) {
                    String playlist = HlsMediaPlaylist.render(s, skip);
                    LlHlsRules.violations(playlist).forEach(v -> violations.add(v + "\n" + playlist));
                }
                watch(s.nextPartSequence());
            });
        }
    }
}
