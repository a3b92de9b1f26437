package io.flipflop.media.cmaf;

/**
 * The LL-HLS delivery directives of a media playlist request (RFC 8216bis §6.2.5): {@code _HLS_msn} and
 * {@code _HLS_part} ask to block until that segment or part exists, {@code _HLS_skip=YES} asks for a delta
 * update. Nulls mean absent.
 */
public record PlaylistRequest(Long msn, Integer part, boolean skip) {

    public static final PlaylistRequest PLAIN = new PlaylistRequest(null, null, false);

    /**
     * Reads the query parameters as they came (each may be null).
     *
     * @throws IllegalArgumentException for a value that is not a non-negative number; answer 400
     */
    public static PlaylistRequest parse(String hlsMsn, String hlsPart, String hlsSkip) {
        Long part = number(hlsPart);
        if (part != null && part > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("_HLS_part out of range: " + hlsPart);
        }
        // v2 also asks to skip date ranges; we have none, so it is the same request.
        return new PlaylistRequest(number(hlsMsn), part == null ? null : part.intValue(),
                "YES".equals(hlsSkip) || "v2".equals(hlsSkip));
    }

    private static Long number(String text) {
        if (text == null) {
            return null;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException("not a non-negative number: " + text);
    }
}
