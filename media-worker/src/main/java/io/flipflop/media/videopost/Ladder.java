package io.flipflop.media.videopost;

import io.flipflop.api.videopost.Rendition;
import io.flipflop.api.videopost.SourceProbe;
import java.util.ArrayList;
import java.util.List;

/**
 * The default ladder (issue 6): 1080p, 720p, 480p and 360p, H.264 + AAC, without the rungs above the source. A
 * source smaller than 360p gets one rung at its own height. Widths keep the source's aspect ratio, rounded to
 * the nearest even number as H.264 needs (16:9 at 480p is 854 wide); bitrates are the usual ones for 30 fps content.
 */
final class Ladder {

    private record Rung(int height, long bitrate) {
    }

    private static final List<Rung> DEFAULT = List.of(new Rung(1080, 5_000_000), new Rung(720, 2_800_000),
            new Rung(480, 1_400_000), new Rung(360, 800_000));

    private Ladder() {
    }

    static List<Rendition> forSource(SourceProbe source) {
        List<Rendition> rungs = new ArrayList<>();
        for (Rung rung : DEFAULT) {
            if (rung.height() <= source.height()) {
                rungs.add(new Rendition(evenWidth(source, rung.height()), rung.height(), rung.bitrate()));
            }
        }
        if (rungs.isEmpty()) {
            int height = source.height() / 2 * 2;
            Rung lowest = DEFAULT.get(DEFAULT.size() - 1);
            rungs.add(new Rendition(evenWidth(source, height), height, lowest.bitrate() * height / lowest.height()));
        }
        return rungs;
    }

    private static int evenWidth(SourceProbe source, int height) {
        long halfWidth = Math.round((double) source.width() * height / source.height() / 2);
        return (int) Math.max(2, halfWidth * 2);
    }
}
