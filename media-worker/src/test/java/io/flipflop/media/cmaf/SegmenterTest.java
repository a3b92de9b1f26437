package io.flipflop.media.cmaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmenterTest {

    private final Segmenter segmenter = new Segmenter(500, 2000, 4000);
    private final List<Segmenter.ClosedPart> closed = new ArrayList<>();

    @Test
    void partsNeverExceedThePartTargetAndSegmentsCloseAtTheKeyframeAfterTheTarget() {
        video(180, 60); // a keyframe every 2 s, 6 s
        collect(segmenter.finish());

        assertThat(closed).allSatisfy(p -> assertThat(p.duration()).isLessThanOrEqualTo(500));
        assertThat(closed).filteredOn(Segmenter.ClosedPart::endsSegment).hasSize(3);
        assertThat(closed).filteredOn(Segmenter.ClosedPart::startsSegment)
                .allSatisfy(p -> assertThat(p.independent()).isTrue())
                .extracting(Segmenter.ClosedPart::start).containsExactly(0L, 2000L, 4000L);
    }

    @Test
    void aSegmentIsCutWithoutAKeyframeBeforeItExceedsTheMaximum() {
        video(300, 300); // one keyframe in 10 s
        collect(segmenter.finish());

        List<Segmenter.ClosedPart> segmentStarts = closed.stream().filter(Segmenter.ClosedPart::startsSegment).toList();
        assertThat(segmentStarts).hasSizeGreaterThan(1);
        assertThat(segmentStarts.get(1).independent()).isFalse();
        long longest = 0;
        long length = 0;
        for (Segmenter.ClosedPart part : closed) {
            length = part.startsSegment() ? part.duration() : length + part.duration();
            longest = Math.max(longest, length);
        }
        assertThat(longest).isLessThanOrEqualTo(4000);
    }

    @Test
    void aDiscontinuityStartsANewSegmentMarkedAsSuch() {
        video(40, 60);
        collect(segmenter.next(new Segmenter.Packet(true, false, 1400, 33, true)));
        collect(segmenter.next(new Segmenter.Packet(true, false, 1433, 33, false)));
        collect(segmenter.finish());

        Segmenter.ClosedPart afterJump = closed.stream().filter(Segmenter.ClosedPart::discontinuity).findFirst().orElseThrow();
        assertThat(afterJump.startsSegment()).isTrue();
        assertThat(afterJump.start()).isEqualTo(1400);
    }

    @Test
    void whenVideoStallsAudioKeepsThePartsGoing() {
        video(15, 60);
        for (long t = 500; t < 3000; t += 23) {
            collect(segmenter.next(new Segmenter.Packet(false, true, t, 23, false)));
        }
        collect(segmenter.finish());

        assertThat(closed).hasSizeGreaterThan(4);
        assertThat(closed.get(0).duration()).as("the part the stall began in").isLessThanOrEqualTo(750);
        assertThat(closed.subList(1, closed.size())).allSatisfy(p -> assertThat(p.duration()).isLessThanOrEqualTo(500));
    }

    /** 30 fps video with FLV's millisecond times, a keyframe every {@code gop} frames. */
    private void video(int frames, int gop) {
        for (int i = 0; i < frames; i++) {
            long dts = Math.round(i * 1000 / 30.0);
            long next = Math.round((i + 1) * 1000 / 30.0);
            collect(segmenter.next(new Segmenter.Packet(true, i % gop == 0, dts, next - dts, false)));
        }
    }

    private void collect(Segmenter.ClosedPart part) {
        if (part != null) {
            closed.add(part);
        }
    }
}
