package io.flipflop.media.cmaf;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The DASH MPD of a snapshot, over the same segments as the HLS playlists: dynamic while live (static once
 * ended), one Period per publish, a SegmentTemplate with {@code $Number$} = the HLS media sequence number and
 * a SegmentTimeline in milliseconds (segments are cut at keyframes, so their durations vary).
 * {@code availabilityTimeOffset} lets low-latency clients fetch a segment while it is being written (the
 * origin streams its parts as they land), and {@code UTCTiming} points at our own clock, because players on a
 * closed network cannot reach a public time server.
 */
final class DashManifest {

    private static final String PROFILES = "urn:mpeg:dash:profile:isoff-live:2011,urn:mpeg:dash:profile:cmaf:2019";

    private DashManifest() {
    }

    /**
     * @param utcTimingUrl absolute or relative URL of the origin's clock ({@code /live/time}), ISO-8601 text
     */
    static String render(Snapshot s, String utcTimingUrl) {
        Snapshot.Timing timing = s.timing();
        List<Segment> segments = s.segments();
        StringBuilder out = new StringBuilder(4096);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\" profiles=\"").append(PROFILES).append('"');
        if (s.ended()) {
            long first = segments.isEmpty() ? 0 : segments.get(0).presentationStart();
            long last = segments.isEmpty() ? 0 : segments.get(segments.size() - 1).presentationStart()
                    + segments.get(segments.size() - 1).duration();
            out.append(" type=\"static\" mediaPresentationDuration=\"").append(duration(last - first)).append('"');
        } else {
            out.append(" type=\"dynamic\"");
            if (s.availabilityStart() != null) {
                out.append(" availabilityStartTime=\"").append(time(s.availabilityStart())).append('"');
            }
            out.append(" publishTime=\"").append(time(s.publishTime())).append('"')
                    .append(" minimumUpdatePeriod=\"").append(duration(timing.segmentTargetMs())).append('"')
                    .append(" timeShiftBufferDepth=\"").append(duration(windowDuration(segments))).append('"')
                    .append(" suggestedPresentationDelay=\"").append(duration(timing.partHoldBackMs())).append('"');
        }
        out.append(" maxSegmentDuration=\"").append(duration(timing.targetDurationSeconds() * 1000L)).append('"')
                .append(" minBufferTime=\"").append(duration(timing.segmentTargetMs())).append("\">\n");
        if (!s.ended()) {
            out.append("  <ServiceDescription id=\"0\"><Latency target=\"").append(timing.partHoldBackMs() * 2)
                    .append("\" min=\"").append(timing.partHoldBackMs()).append("\"/></ServiceDescription>\n");
        }
        long staticOrigin = s.ended() && !segments.isEmpty() ? segments.get(0).presentationStart() : 0;
        for (Snapshot.Period period : s.periods()) {
            List<Segment> own = segments.stream().filter(seg -> seg.period() == period.id()).toList();
            InitSegment init = s.inits().stream().filter(i -> i.period() == period.id()).findFirst().orElse(null);
            if (own.isEmpty() || init == null) {
                continue;
            }
            period(out, s, period, own, init, staticOrigin);
        }
        if (!s.ended()) {
            out.append("  <UTCTiming schemeIdUri=\"urn:mpeg:dash:utc:http-iso:2014\" value=\"")
                    .append(xml(utcTimingUrl)).append("\"/>\n");
        }
        out.append("</MPD>\n");
        return out.toString();
    }

    private static void period(StringBuilder out, Snapshot s, Snapshot.Period period, List<Segment> own,
                               InitSegment init, long staticOrigin) {
        Snapshot.Timing timing = s.timing();
        // A static MPD keeps only the window, so its first period starts at zero.
        long start = Math.max(0, period.presentationStart() - staticOrigin);
        long presentationTimeOffset = period.mediaStart();
        if (s.ended() && staticOrigin > period.presentationStart()) {
            presentationTimeOffset += staticOrigin - period.presentationStart();
        }
        out.append("  <Period id=\"").append(period.id()).append("\" start=\"").append(duration(start)).append("\">\n");
        out.append("    <AdaptationSet id=\"0\" mimeType=\"video/mp4\" segmentAlignment=\"true\" startWithSAP=\"1\">\n");
        out.append("      <Representation id=\"0\" bandwidth=\"").append(Math.max(1, s.peakBitrate())).append('"');
        if (!init.codecs().isEmpty()) {
            out.append(" codecs=\"").append(xml(String.join(",", init.codecs()))).append('"');
        }
        if (init.width() > 0) {
            out.append(" width=\"").append(init.width()).append("\" height=\"").append(init.height()).append('"');
        }
        out.append(">\n");
        out.append("        <SegmentTemplate timescale=\"1000\" presentationTimeOffset=\"").append(presentationTimeOffset)
                .append("\" initialization=\"").append(MediaNames.init(period.id()))
                .append("\" media=\"").append(MediaNames.segmentTemplate())
                .append("\" startNumber=\"").append(own.get(0).msn()).append('"');
        if (!s.ended()) {
            out.append(" availabilityTimeOffset=\"").append(seconds(timing.segmentTargetMs() - timing.partTargetMs()))
                    .append("\" availabilityTimeComplete=\"false\"");
        }
        out.append(">\n          <SegmentTimeline>\n");
        for (Segment segment : own) {
            out.append("            <S t=\"").append(segment.start()).append("\" d=\"").append(segment.duration()).append("\"/>\n");
        }
        out.append("          </SegmentTimeline>\n        </SegmentTemplate>\n      </Representation>\n")
                .append("    </AdaptationSet>\n  </Period>\n");
    }

    private static long windowDuration(List<Segment> segments) {
        return segments.stream().mapToLong(Segment::duration).sum();
    }

    private static String time(java.time.Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    private static String duration(long millis) {
        return "PT" + seconds(millis) + "S";
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
