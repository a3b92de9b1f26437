package io.flipflop.media.cmaf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimelineTest {

    private final Timeline timeline = new Timeline(2, 500, 4000);

    @Test
    void aJumpOfAnHourIsClosedUpAndReportedAsADiscontinuity() {
        timeline.place(0, 1000, 1000);
        Timeline.Stamp jumped = timeline.place(0, 3_601_033, 3_601_100);
        Timeline.Stamp next = timeline.place(0, 3_601_066, 3_601_066);

        assertThat(jumped.discontinuity()).isTrue();
        assertThat(jumped.dts()).isEqualTo(1000 + Timeline.RESUME_STEP_MS);
        assertThat(jumped.pts() - jumped.dts()).as("composition offset kept").isEqualTo(67);
        assertThat(next.dts()).isEqualTo(jumped.dts() + 33);
        assertThat(next.discontinuity()).isFalse();
    }

    @Test
    void aShortSilenceIsClosedUpWithoutADiscontinuity() {
        timeline.place(0, 1000, 1000);
        Timeline.Stamp resumed = timeline.place(0, 2500, 2500);

        assertThat(resumed.discontinuity()).isFalse();
        assertThat(resumed.dts()).isEqualTo(1000 + Timeline.RESUME_STEP_MS);
    }

    @Test
    void aStepBackIsADiscontinuityButInterleavingIsNot() {
        timeline.place(0, 5000, 5000);
        assertThat(timeline.place(1, 4800, 4800).discontinuity()).isFalse();
        assertThat(timeline.place(0, 0, 0).discontinuity()).isTrue();
    }

    @Test
    void decodeTimesOfATrackAlwaysIncrease() {
        timeline.place(0, 1000, 1000);
        assertThat(timeline.place(0, 1000, 1000).dts()).isEqualTo(1001);
        assertThat(timeline.place(0, 990, 990).dts()).isEqualTo(1002);
    }
}
