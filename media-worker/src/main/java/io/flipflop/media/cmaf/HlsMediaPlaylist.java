package io.flipflop.media.cmaf;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The LL-HLS media playlist (RFC 8216bis, version 9) of a snapshot: every segment with its EXT-X-MAP,
 * PROGRAM-DATE-TIME and discontinuities, the parts of the newest segments, a PRELOAD-HINT for the next part,
 * and, on request, a delta update that skips the oldest segments.
 */
final class HlsMediaPlaylist {

    static final int VERSION = 9;
    /** Parts are listed for this many complete segments before the one being filled (the live edge). */
    static final int SEGMENTS_WITH_PARTS = 2;

    private HlsMediaPlaylist() {
    }

    static String render(Snapshot s, boolean skip) {
        return render(s, skip, false);
    }

    /**
     * An archived recording: the ended playlist of every segment, declared {@code PLAYLIST-TYPE:VOD}. Only a
     * playlist written as VOD from its first version may say so; an ended live one may not change its type.
     */
    static String renderVod(Snapshot s) {
        if (!s.ended()) {
            throw new IllegalArgumentException("A VOD playlist is the playlist of an ended stream");
        }
        return render(s, false, true);
    }

    private static String render(Snapshot s, boolean skip, boolean vod) {
        Snapshot.Timing timing = s.timing();
        StringBuilder out = new StringBuilder(2048);
        out.append("#EXTM3U\n");
        out.append("#EXT-X-VERSION:").append(VERSION).append('\n');
        out.append("#EXT-X-TARGETDURATION:").append(timing.targetDurationSeconds()).append('\n');
        if (vod) {
            out.append("#EXT-X-PLAYLIST-TYPE:VOD\n");
        }
        if (!s.ended()) {
            out.append("#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,CAN-SKIP-UNTIL=").append(seconds(timing.canSkipUntilMs()))
                    .append(",PART-HOLD-BACK=").append(seconds(timing.partHoldBackMs())).append('\n');
            out.append("#EXT-X-PART-INF:PART-TARGET=").append(seconds(timing.partTargetMs())).append('\n');
        }
        List<Segment> segments = s.segments();
        long mediaSequence = segments.isEmpty() ? s.nextMsn() : segments.get(0).msn();
        out.append("#EXT-X-MEDIA-SEQUENCE:").append(mediaSequence).append('\n');
        if (s.discontinuitySequence() > 0) {
            out.append("#EXT-X-DISCONTINUITY-SEQUENCE:").append(s.discontinuitySequence()).append('\n');
        }
        int skipped = skip && !s.ended() ? skippable(s) : 0;
        if (skipped > 0) {
            out.append("#EXT-X-SKIP:SKIPPED-SEGMENTS=").append(skipped).append('\n');
        }
        int listed = segments.size() - skipped;
        int withPartsFrom = segments.size() - SEGMENTS_WITH_PARTS;
        Integer period = null;
        for (int i = skipped; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            segmentTags(out, segment, period == null || period != segment.period());
            period = segment.period();
            if (!s.ended() && i >= withPartsFrom) {
                parts(out, segment);
            }
            out.append("#EXTINF:").append(seconds(segment.duration())).append(",\n");
            out.append(MediaNames.segment(segment.msn())).append('\n');
        }
        if (s.ended()) {
            out.append("#EXT-X-ENDLIST\n");
            return out.toString();
        }
        Segment pending = s.pending();
        if (pending != null) {
            segmentTags(out, pending, period == null || period != pending.period());
            parts(out, pending);
        } else if (listed == 0 && !s.inits().isEmpty()) {
            // Nothing listed yet: the map still has to precede the hinted part.
            out.append("#EXT-X-MAP:URI=\"").append(MediaNames.init(s.currentInit().orElseThrow().period())).append("\"\n");
        }
        out.append("#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"").append(MediaNames.part(s.nextPartSequence())).append("\"\n");
        return out.toString();
    }

    /** The tags that precede a segment (or the first part of the pending one). */
    static void segmentTags(StringBuilder out, Segment segment, boolean map) {
        if (segment.discontinuity()) {
            out.append("#EXT-X-DISCONTINUITY\n");
        }
        if (map || segment.discontinuity()) {
            out.append("#EXT-X-MAP:URI=\"").append(MediaNames.init(segment.period())).append("\"\n");
        }
        out.append("#EXT-X-PROGRAM-DATE-TIME:").append(DateTimeFormatter.ISO_INSTANT.format(segment.programDateTime().truncatedTo(ChronoUnit.MILLIS)))
                .append('\n');
    }

    private static void parts(StringBuilder out, Segment segment) {
        for (Part part : segment.parts()) {
            out.append("#EXT-X-PART:DURATION=").append(seconds(part.duration()))
                    .append(",URI=\"").append(MediaNames.part(part.sequence())).append('"');
            if (part.independent()) {
                out.append(",INDEPENDENT=YES");
            }
            out.append('\n');
        }
    }

    /**
     * Leading segments that start at least CAN-SKIP-UNTIL before the end of the playlist; a delta update
     * replaces them with EXT-X-SKIP. Never all of them: the client needs a segment to anchor the rest.
     */
    static int skippable(Snapshot s) {
        List<Segment> segments = s.segments();
        if (segments.isEmpty()) {
            return 0;
        }
        Segment last = s.pending() != null ? s.pending() : segments.get(segments.size() - 1);
        long end = last.presentationStart() + last.duration();
        int n = 0;
        while (n < segments.size() - 1 && end - segments.get(n).presentationStart() >= s.timing().canSkipUntilMs()) {
            n++;
        }
        return n;
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
