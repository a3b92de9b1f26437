package io.flipflop.media.videopost;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipflop.api.transcoding.ChosenProfiles;
import io.flipflop.api.transcoding.ProfileSettings;
import io.flipflop.api.transcoding.SystemTranscodingProfiles;
import io.flipflop.api.videopost.Rendition;
import io.flipflop.api.videopost.SourceProbe;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LadderAndProgressTest {

    private static final ProfileSettings DEFAULT = ChosenProfiles.DEFAULTS.video().profile();


    @Test
    void a1080pSourceGetsTheWholeLadder() {
        assertThat(Ladder.forSource(new SourceProbe(10, 1920, 1080, true, "mp4"), DEFAULT)).extracting(Rendition::width,
                Rendition::height).containsExactly(org.assertj.core.groups.Tuple.tuple(1920, 1080),
                org.assertj.core.groups.Tuple.tuple(1280, 720), org.assertj.core.groups.Tuple.tuple(854, 480),
                org.assertj.core.groups.Tuple.tuple(640, 360));
    }

    @Test
    void aProfilesRungsAreTheLadder() {
        assertThat(Ladder.forSource(new SourceProbe(10, 1920, 1080, true, "mp4"),
                SystemTranscodingProfiles.SMALL_VIDEO.profile())).extracting(Rendition::height, Rendition::videoBitrate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(720, 2_800_000L),
                        org.assertj.core.groups.Tuple.tuple(360, 800_000L));
    }

    @Test
    void rungsAboveTheSourceAreSkipped() {
        assertThat(Ladder.forSource(new SourceProbe(10, 1280, 720, true, "mp4"), DEFAULT)).extracting(Rendition::height)
                .containsExactly(720, 480, 360);
    }

    @Test
    void aSourceBelow360pGetsOneRungOfItsOwnHeight() {
        assertThat(Ladder.forSource(new SourceProbe(10, 426, 241, false, "mp4"), DEFAULT)).extracting(Rendition::width,
                Rendition::height).containsExactly(org.assertj.core.groups.Tuple.tuple(424, 240));
    }

    @Test
    void aPortraitSourceKeepsItsAspect() {
        assertThat(Ladder.forSource(new SourceProbe(10, 1080, 1920, false, "mp4"), DEFAULT).get(0))
                .isEqualTo(new Rendition(608, 1080, 5_000_000));
    }

    @Test
    void progressBlocksBecomePercentFpsAndEta() {
        List<Transcoder.Progress> reports = new ArrayList<>();
        ProgressLines lines = new ProgressLines(20, reports::add);
        List.of("frame=150", "fps=30.5", "out_time_us=5000000", "speed=2.5x", "progress=continue",
                "out_time_us=N/A", "speed=N/A", "progress=continue", "out_time_us=20000000", "progress=end")
                .forEach(lines);
        assertThat(reports).containsExactly(new Transcoder.Progress(25.0, 30.5, 6L),
                new Transcoder.Progress(25.0, 30.5, 6L), new Transcoder.Progress(100.0, 30.5, 0L));
    }
}
