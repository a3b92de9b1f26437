package io.flipflop.media.cmaf;

/**
 * The multivariant playlist: pass-through packaging has exactly one variant, described from the current init
 * segment (CODECS, RESOLUTION) and the segments so far (BANDWIDTH is the peak segment bit rate).
 */
final class HlsMultivariantPlaylist {

    private HlsMultivariantPlaylist() {
    }

    static String render(Snapshot s) {
        StringBuilder out = new StringBuilder(256);
        out.append("#EXTM3U\n#EXT-X-VERSION:").append(HlsMediaPlaylist.VERSION).append('\n');
        out.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(Math.max(1, s.peakBitrate()));
        if (s.averageBitrate() > 0) {
            out.append(",AVERAGE-BANDWIDTH=").append(s.averageBitrate());
        }
        s.currentInit().ifPresent(init -> {
            if (!init.codecs().isEmpty()) {
                out.append(",CODECS=\"").append(String.join(",", init.codecs())).append('"');
            }
            if (init.width() > 0) {
                out.append(",RESOLUTION=").append(init.width()).append('x').append(init.height());
            }
        });
        out.append('\n').append(MediaNames.MEDIA_PLAYLIST).append('\n');
        return out.toString();
    }
}
