package io.flipflop.platform.playback;

import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.api.streamkey.StreamKeyState;
import io.flipflop.api.videoroom.VideoRoomState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where viewers play a room (reference §16): the URLs that room and stream key answers carry, built from
 * {@code flipflop.public-url} (the address clients reach us at; in the split deployment the gateway's). Unset, it
 * is {@code http://localhost:{port}} with the port the HTTP server actually bound, known once it started.
 * <p>
 * URLs carry no streaming token: viewers append {@code ?streamingToken=} themselves. Every side computes them at
 * read time, so a changed public URL changes every answer; the VOD URL an archive records is kept as a path
 * ({@link #vodPath}) for the same reason and made absolute when answered ({@link #absolute}).
 */
@Component
public class PlaybackUrls {

    /** No play URLs: the room is not LIVE (or the key not ACTIVE_LIVE for a room). */
    public static final Live NONE = new Live(null, null, null, null);

    static final String DEFAULT_INGEST_URL = "rtmp://localhost:1935/live";

    private final String configured;
    private volatile String base;
    private final String rtmpBase;

    /**
     * @param ingestUrl the stream keys' {@code ingestUrl} ({@code flipflop.ingest.ingest-url}): RTMP play is
     *                  served by the same server and application, so {@code rtmpPlayUrl} is built on it
     */
    @Autowired
    public PlaybackUrls(@Value("${flipflop.public-url:}") String publicUrl, @Value("${server.port:8080}") int port,
                        @Value("${flipflop.ingest.ingest-url:" + DEFAULT_INGEST_URL + "}") String ingestUrl) {
        this.configured = trimmed(publicUrl);
        this.base = configured.isEmpty() ? "http://localhost:" + port : configured;
        this.rtmpBase = trimmed(ingestUrl);
    }

    /** A fixed base URL, for code that runs without an HTTP server. */
    public static PlaybackUrls at(String publicUrl) {
        return at(publicUrl, DEFAULT_INGEST_URL);
    }

    /** Fixed base URLs for HTTP and RTMP. */
    public static PlaybackUrls at(String publicUrl, String ingestUrl) {
        return new PlaybackUrls(publicUrl, 0, ingestUrl);
    }

    @EventListener
    void bound(WebServerInitializedEvent event) {
        // the management server, if any, has a namespace; only the main server's port is the public one
        if (configured.isEmpty() && event.getApplicationContext().getServerNamespace() == null) {
            base = "http://localhost:" + event.getWebServer().getPort();
        }
    }

    /**
     * The play URLs of a room in that state: filled while LIVE only (cleared on LIVE_INACTIVE and after the end,
     * as FlipFlop does). Every ingest is packaged to CMAF whatever its {@code mode}, so the HLS and DASH URLs
     * are always there; HTTP-FLV and RTMP play when the running ingest's mode asks for RTMP output.
     *
     * @param mode the running ingest's output mode; null when not known (no HTTP-FLV or RTMP URL then)
     */
    public Live ofRoom(long videoRoomId, VideoRoomState state, OutputMode mode) {
        return state == VideoRoomState.LIVE ? live(videoRoomId, mode) : NONE;
    }

    /** A stream key's: those of the room it is live for, while it is ACTIVE_LIVE. */
    public Live ofStreamKey(StreamKeyState state, Long videoRoomId, OutputMode mode) {
        return state == StreamKeyState.ACTIVE_LIVE && videoRoomId != null ? live(videoRoomId, mode) : NONE;
    }

    private Live live(long videoRoomId, OutputMode mode) {
        String room = base + "/live/" + videoRoomId;
        boolean rtmpOutput = mode == OutputMode.RTMP || mode == OutputMode.RTMP_CMAF;
        return new Live(room + "/index.m3u8", room + "/manifest.mpd", rtmpOutput ? room + ".flv" : null,
                rtmpOutput ? rtmpBase + "/" + videoRoomId : null);
    }

    /** The path of a room's archived VOD (its HLS playlist), as the archive records it. */
    public static String vodPath(long videoRoomId) {
        return "/vod/" + videoRoomId + "/index.m3u8";
    }

    /** The path of a room's archived VOD as DASH (its static MPD, beside the HLS playlist). */
    public static String vodDashPath(long videoRoomId) {
        return "/vod/" + videoRoomId + "/manifest.mpd";
    }

    /** A recorded path made absolute against the public URL; null stays null, an absolute URL stays as it is. */
    public String absolute(String pathOrUrl) {
        return pathOrUrl != null && pathOrUrl.startsWith("/") ? base + pathOrUrl : pathOrUrl;
    }

    private static String trimmed(String url) {
        String value = url == null ? "" : url.strip();
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    /**
     * One set of play URLs; {@code playUrl} and the D07 {@code liveUrl} are the HLS one.
     */
    public record Live(String cmafHls, String cmafDash, String httpFlv, String rtmp) {

        public String playUrl() {
            return cmafHls;
        }
    }
}
