package io.flipflop.media.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimestampUnwrapperTest {

    private static final int AUDIO = RtmpMessage.AUDIO;
    private static final int VIDEO = RtmpMessage.VIDEO;
    private static final int DATA = RtmpMessage.DATA_AMF0;

    private final TimestampUnwrapper unwrapper = new TimestampUnwrapper();

    @Test
    void countsFromTheFirstMediaMessage() {
        assertThat(unwrapper.unwrap(DATA, 0)).isZero();
        assertThat(unwrapper.unwrap(VIDEO, 5_000)).isZero();
        assertThat(unwrapper.unwrap(AUDIO, 5_010)).isEqualTo(10);
        assertThat(unwrapper.unwrap(VIDEO, 5_033)).isEqualTo(33);
    }

    @Test
    void continuesAcrossThe32BitWrap() {
        unwrapper.unwrap(VIDEO, 0xFFFF_FF00L);

        assertThat(unwrapper.unwrap(AUDIO, 0xFFFF_FFF0L)).isEqualTo(0xF0);
        assertThat(unwrapper.unwrap(VIDEO, 0x10)).isEqualTo(0x110);
        assertThat(unwrapper.unwrap(AUDIO, 0xFFFF_FFFFL)).as("late audio from before the wrap").isEqualTo(0xFF);
        assertThat(unwrapper.unwrap(AUDIO, 0x20)).isEqualTo(0x120);
    }

    @Test
    void keepsGoingAfterSeveralWraps() {
        long raw = 0;
        unwrapper.unwrap(VIDEO, raw);
        long out = 0;
        for (int step = 0; step < 10; step++) {
            raw = (raw + 0x4000_0000L) & 0xFFFF_FFFFL;
            out = unwrapper.unwrap(VIDEO, raw);
        }
        assertThat(out).isEqualTo(10 * 0x4000_0000L);
    }

    @Test
    void holdsATrackThatStepsBack() {
        unwrapper.unwrap(VIDEO, 1000);
        unwrapper.unwrap(VIDEO, 2000);

        assertThat(unwrapper.unwrap(VIDEO, 1500)).isEqualTo(1000);
        assertThat(unwrapper.unwrap(AUDIO, 1500)).as("other tracks are not held").isEqualTo(500);
    }
}
