package io.flipflop.media.origin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Carries the viewer's {@code ?streamingToken=} into every URI of a playlist or MPD. Players resolve the
 * relative names of a manifest against its URL without its query, so without this a token-protected room would
 * answer the manifest and refuse everything it lists.
 */
public final class TokenedUris {

    private static final Pattern HLS_URI_ATTRIBUTE = Pattern.compile("URI=\"([^\"]*)\"");
    private static final Pattern MPD_TEMPLATE_ATTRIBUTE = Pattern.compile("(initialization|media)=\"([^\"]*)\"");

    private TokenedUris() {
    }

    /** Every URI line and every {@code URI="..."} attribute of an HLS playlist. */
    public static String hls(String playlist, String streamingToken) {
        if (streamingToken == null || streamingToken.isBlank()) {
            return playlist;
        }
        String query = query(streamingToken);
        StringBuilder out = new StringBuilder(playlist.length() + 256);
        for (String line : playlist.split("\n", -1)) {
            if (line.startsWith("#")) {
                Matcher m = HLS_URI_ATTRIBUTE.matcher(line);
                out.append(m.replaceAll(r -> Matcher.quoteReplacement("URI=\"" + with(r.group(1), query) + "\"")));
            } else if (!line.isBlank()) {
                out.append(with(line, query));
            } else {
                out.append(line);
            }
            out.append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    /** The SegmentTemplate's {@code initialization} and {@code media} of a DASH MPD. */
    public static String mpd(String mpd, String streamingToken) {
        if (streamingToken == null || streamingToken.isBlank()) {
            return mpd;
        }
        String query = query(streamingToken);
        return MPD_TEMPLATE_ATTRIBUTE.matcher(mpd).replaceAll(r ->
                Matcher.quoteReplacement(r.group(1) + "=\"" + with(r.group(2), query).replace("&", "&amp;") + "\""));
    }

    private static String query(String streamingToken) {
        return "streamingToken=" + URLEncoder.encode(streamingToken, StandardCharsets.UTF_8);
    }

    private static String with(String uri, String query) {
        return uri + (uri.contains("?") ? "&" : "?") + query;
    }
}
