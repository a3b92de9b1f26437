package io.flipflop.media.videopost;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.flipflop.media.usage.Delivery;
import io.flipflop.media.usage.PlaybackMeter;
import io.flipflop.media.videopost.PostPlaybackGate.Playback;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Usage metering of a post's playback, through the rooms' {@link PlaybackMeter}: every answer of
 * {@code /vod/{videoPostId}/cmaf|mp4|images/…} counts its bytes for the post's app, under the post's id (ids are
 * unique across rooms and posts, so a post is one more "room" of the usage reports). What each answer adds:
 * <ul>
 *   <li>a media segment ({@code seg-{rendition}-{number}.m4s}) opens or keeps the viewer's session and is charged
 *       its media time, the {@code #EXTINF} of its rendition's HLS playlist. It is numbered by its segment number,
 *       not its file: the segments of one number cover the same time in every rendition and track (the ladder's
 *       keyframes are aligned), so a player switching renditions, or fetching audio beside video, is charged
 *       that time once per session, as a live viewer is;</li>
 *   <li>an init segment and the MP4 download open or keep a session without media time (a download's time is
 *       not known: it may be cut short, and is then charged its bytes only);</li>
 *   <li>manifests and the thumbnail: bytes only (a page listing posts shows thumbnails to nobody who watches).</li>
 * </ul>
 */
final class PostPlaybackUsage {

    private static final Pattern SEGMENT = Pattern.compile("seg-(\\d{1,9})-(\\d{1,18})\\.m4s");

    /** Playlists of the posts being watched; a few KB each. */
    private static final int CACHED_PLAYLISTS = 1_000;

    private final PlaybackMeter meter;
    private final PostFiles files;
    private final Cache<Path, Durations> playlists = Caffeine.newBuilder().maximumSize(CACHED_PLAYLISTS).build();

    PostPlaybackUsage(PlaybackMeter meter, PostFiles files) {
        this.meter = meter;
        this.files = files;
    }

    /** The answer to {@code file} of an admitted playback, metered once its body has gone out. */
    Mono<ResponseEntity<Flux<DataBuffer>>> metered(Playback playback, String streamingToken,
                                                   ServerHttpRequest request, String file,
                                                   Mono<ResponseEntity<Flux<DataBuffer>>> answer) {
        String viewer = meter.viewer(playback.viewer(), streamingToken, request);
        return deliveryOf(playback.videoPostId(), file).flatMap(delivery -> meter.metered(answer, playback.appId(),
                playback.videoPostId(), viewer, delivery));
    }

    private Mono<LongFunction<Delivery>> deliveryOf(long videoPostId, String file) {
        Matcher segment = SEGMENT.matcher(file);
        if (segment.matches()) {
            long number = Long.parseLong(segment.group(2));
            Path playlist = files.out(videoPostId).resolve("media_" + Integer.parseInt(segment.group(1)) + ".m3u8");
            return Mono.fromCallable(() -> millisOf(playlist, file)).subscribeOn(Schedulers.boundedElastic())
                    .map(millis -> millis < 0 ? Delivery::untimed : bytes -> Delivery.segment(bytes, number, millis));
        }
        boolean media = file.endsWith(".m4s") || file.equals(Transcoder.DOWNLOAD);
        return Mono.just(media ? Delivery::untimed : Delivery::bytesOnly);
    }

    /**
     * The {@code #EXTINF} duration of {@code segment} in an HLS media playlist, in ms; -1 when it is not listed. A
     * playlist is read once while its modification time stays (an hour-long post's has some 1,800 segments, and each
     * segment request asks), and again when a new transcode rewrites it.
     */
    long millisOf(Path playlist, String segment) throws IOException {
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(playlist);
        } catch (NoSuchFileException e) {
            return -1;
        }
        Durations known = playlists.getIfPresent(playlist);
        if (known == null || !known.modified().equals(modified)) {
            known = new Durations(modified, durations(playlist));
            playlists.put(playlist, known);
        }
        return known.millis().getOrDefault(segment, -1L);
    }

    /** A playlist's segment durations as of its modification time. */
    private record Durations(FileTime modified, Map<String, Long> millis) {
    }

    /** Every segment of an HLS media playlist with its {@code #EXTINF} duration in ms (-1 when it has none). */
    static Map<String, Long> durations(Path playlist) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(playlist);
        } catch (NoSuchFileException e) {
            return Map.of();
        }
        Map<String, Long> durations = new HashMap<>();
        String duration = null;
        for (String line : lines) {
            if (line.startsWith("#EXTINF:")) {
                duration = line.substring("#EXTINF:".length()).split(",", 2)[0].trim();
            } else if (!line.isBlank() && !line.startsWith("#") && duration != null) {
                durations.put(line.trim(), millis(duration));
                duration = null;
            }
        }
        return durations;
    }

    /** A duration that is not a plain number of seconds has no time: metering never fails an answer. */
    private static long millis(String seconds) {
        try {
            return Math.max(-1, new BigDecimal(seconds).movePointRight(3).setScale(0, RoundingMode.HALF_UP)
                    .longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return -1;
        }
    }
}
