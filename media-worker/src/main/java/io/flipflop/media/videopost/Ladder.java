package io.flipflop.media.videopost;

import io.flipflop.api.transcoding.ProfileSettings;
import io.flipflop.api.transcoding.ProfileSettings.VideoStream;
import io.flipflop.api.videopost.Rendition;
import io.flipflop.api.videopost.SourceProbe;
import java.util.ArrayList;
import java.util.List;

/**
 * The rungs a VIDEO profile gives a source (issue 6): the profile's rungs without those above the source. A source
 * smaller than the lowest rung gets one rung at its own height, at the lowest rung's bitrate scaled to it. Widths
 * keep the source's aspect ratio, rounded to the nearest even number as H.264 needs (16:9 at 480p is 854 wide).
 */
final class Ladder {

    private Ladder() {
    }

    /** {@code video}: a VIDEO profile's settings, rungs top first (as the command side stores them). */
    static List<Rendition> forSource(SourceProbe source, ProfileSettings video) {
        List<VideoStream> ladder = video.videoStreams();
        List<Rendition> rungs = new ArrayList<>();
        for (VideoStream rung : ladder) {
            if (rung.height() <= source.height()) {
                rungs.add(new Rendition(evenWidth(source, rung.height()), rung.height(), rung.bitrate()));
            }
        }
        if (rungs.isEmpty()) {
            int height = source.height() / 2 * 2;
            VideoStream lowest = ladder.get(ladder.size() - 1);
            rungs.add(new Rendition(evenWidth(source, height), height, lowest.bitrate() * height / lowest.height()));
        }
        return rungs;
    }

    private static int evenWidth(SourceProbe source, int height) {
        long halfWidth = Math.round((double) source.width() * height / source.height() / 2);
        return (int) Math.max(2, halfWidth * 2);
    }
}
