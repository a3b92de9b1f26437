package io.flipflop.media.cmaf;

/** What the origin sends for a media playlist request. */
public sealed interface PlaylistAnswer {

    /** 200 with this playlist ({@code application/vnd.apple.mpegurl}, {@code Cache-Control: no-cache}). */
    record Playlist(String text) implements PlaylistAnswer {
    }

    /** 400: the directives are malformed or ask for a segment or part too far ahead. */
    record BadRequest(String reason) implements PlaylistAnswer {
    }

    /** 503: the awaited part did not appear within three target durations (RFC 8216bis §6.2.5.2). */
    record Unavailable() implements PlaylistAnswer {
    }
}
