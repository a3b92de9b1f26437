package io.flipflop.media.cmaf;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The RFC 8216bis rules a live LL-HLS media playlist of ours must keep, checked on its text: what a player
 * relies on, written down once so every test can ask for it.
 */
final class LlHlsRules {

    private static final double EPSILON = 1e-9;
    private static final Pattern PART = Pattern.compile("#EXT-X-PART:DURATION=([0-9.]+),URI=\"part-(\\d+)\\.m4s\"(,INDEPENDENT=YES)?");
    private static final Pattern HINT = Pattern.compile("#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"part-(\\d+)\\.m4s\"");
    private static final Pattern SEGMENT_URI = Pattern.compile("seg-(\\d+)\\.m4s");

    private LlHlsRules() {
    }

    /** Every broken rule, in words; empty if the playlist is fine. */
    static List<String> violations(String playlist) {
        List<String> broken = new ArrayList<>();
        String[] lines = playlist.split("\n");
        if (!lines[0].equals("#EXTM3U")) {
            broken.add("does not start with #EXTM3U");
        }
        boolean ended = playlist.contains("#EXT-X-ENDLIST");
        int version = intTag(playlist, "#EXT-X-VERSION:");
        int target = intTag(playlist, "#EXT-X-TARGETDURATION:");
        long mediaSequence = intTag(playlist, "#EXT-X-MEDIA-SEQUENCE:");
        if (version < 7) {
            broken.add("version " + version + " < 7");
        }
        if (target <= 0) {
            broken.add("no EXT-X-TARGETDURATION");
        }
        double partTarget = decimalAttribute(playlist, "#EXT-X-PART-INF:", "PART-TARGET");
        if (!ended) {
            if (partTarget <= 0) {
                broken.add("no EXT-X-PART-INF");
            }
            if (!playlist.contains("CAN-BLOCK-RELOAD=YES")) {
                broken.add("no CAN-BLOCK-RELOAD=YES");
            }
            if (decimalAttribute(playlist, "#EXT-X-SERVER-CONTROL:", "PART-HOLD-BACK") < 3 * partTarget - EPSILON) {
                broken.add("PART-HOLD-BACK < 3 × PART-TARGET");
            }
            if (decimalAttribute(playlist, "#EXT-X-SERVER-CONTROL:", "CAN-SKIP-UNTIL") < 6 * target - EPSILON) {
                broken.add("CAN-SKIP-UNTIL < 6 × TARGETDURATION");
            }
        }
        long expectedMsn = mediaSequence;
        long lastPart = -1;
        boolean mapSeen = false;
        boolean dateSeen = false;
        List<Double> parts = new ArrayList<>();
        List<Boolean> independents = new ArrayList<>();
        Long hint = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("#EXT-X-SKIP:SKIPPED-SEGMENTS=")) {
                expectedMsn += Long.parseLong(line.substring(line.indexOf('=') + 1));
                if (version < 9) {
                    broken.add("EXT-X-SKIP needs version 9");
                }
            } else if (line.startsWith("#EXT-X-MAP:")) {
                mapSeen = true;
            } else if (line.startsWith("#EXT-X-PROGRAM-DATE-TIME:")) {
                dateSeen = true;
            } else if (line.startsWith("#EXT-X-PART:")) {
                Matcher m = PART.matcher(line);
                if (!m.matches()) {
                    broken.add("malformed part: " + line);
                    continue;
                }
                double duration = Double.parseDouble(m.group(1));
                long sequence = Long.parseLong(m.group(2));
                if (!mapSeen) {
                    broken.add("part before EXT-X-MAP: " + line);
                }
                if (duration > partTarget + EPSILON) {
                    broken.add("part longer than PART-TARGET: " + line);
                }
                if (lastPart >= 0 && sequence != lastPart + 1) {
                    broken.add("part numbering jumps from " + lastPart + " to " + sequence);
                }
                lastPart = sequence;
                parts.add(duration);
                independents.add(m.group(3) != null);
            } else if (line.startsWith("#EXTINF:")) {
                double duration = Double.parseDouble(line.substring(8, line.indexOf(',')));
                String uri = lines[i + 1];
                Matcher m = SEGMENT_URI.matcher(uri);
                if (!m.matches()) {
                    broken.add("malformed segment URI: " + uri);
                } else if (Long.parseLong(m.group(1)) != expectedMsn) {
                    broken.add("segment " + uri + " where MSN " + expectedMsn + " belongs");
                }
                expectedMsn++;
                if (Math.round(duration) > target) {
                    broken.add("EXTINF " + duration + " rounds above TARGETDURATION " + target);
                }
                if (!mapSeen || !dateSeen) {
                    broken.add("segment " + uri + " without EXT-X-MAP or PROGRAM-DATE-TIME before it");
                }
                if (!parts.isEmpty()) {
                    double sum = parts.stream().mapToDouble(Double::doubleValue).sum();
                    if (Math.abs(sum - duration) > 0.001 * parts.size() + EPSILON) {
                        broken.add("parts of " + uri + " add up to " + sum + ", EXTINF says " + duration);
                    }
                    shortParts(broken, parts, independents, partTarget, true);
                }
                parts.clear();
                independents.clear();
                dateSeen = false;
            } else if (line.startsWith("#EXT-X-PRELOAD-HINT:")) {
                Matcher m = HINT.matcher(line);
                if (!m.matches()) {
                    broken.add("malformed preload hint: " + line);
                } else {
                    hint = Long.parseLong(m.group(1));
                }
            }
        }
        shortParts(broken, parts, independents, partTarget, false);
        if (!ended) {
            if (hint == null) {
                broken.add("no EXT-X-PRELOAD-HINT");
            } else if (lastPart >= 0 && hint != lastPart + 1) {
                broken.add("preload hint " + hint + " is not the part after " + lastPart);
            }
        }
        return broken;
    }

    /** Parts shorter than 85 % of PART-TARGET are allowed only as a segment's last part or if independent. */
    private static void shortParts(List<String> broken, List<Double> parts, List<Boolean> independents,
                                   double partTarget, boolean segmentComplete) {
        int last = segmentComplete ? parts.size() - 1 : parts.size();
        for (int i = 0; i < parts.size(); i++) {
            if (i != last && !independents.get(i) && parts.get(i) < 0.85 * partTarget - EPSILON) {
                broken.add("part of " + parts.get(i) + " s is below 85 % of PART-TARGET");
            }
        }
    }

    private static int intTag(String playlist, String tag) {
        int at = playlist.indexOf(tag);
        if (at < 0) {
            return -1;
        }
        int end = playlist.indexOf('\n', at);
        return Integer.parseInt(playlist.substring(at + tag.length(), end));
    }

    private static double decimalAttribute(String playlist, String tag, String attribute) {
        int at = playlist.indexOf(tag);
        if (at < 0) {
            return -1;
        }
        String line = playlist.substring(at, playlist.indexOf('\n', at));
        Matcher m = Pattern.compile(attribute + "=([0-9.]+)").matcher(line);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
