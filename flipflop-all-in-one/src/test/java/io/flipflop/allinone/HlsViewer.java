package io.flipflop.allinone;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches a live HLS stream as a player does, over real HTTP with a streaming token: reloads the media playlist,
 * fetches the init segment and the newest complete segment, then every segment as it is listed, for a given
 * wall-clock time. Remembers the media time it downloaded (the EXTINF durations), to compare with what usage
 * metering charged.
 */
final class HlsViewer {

    private static final Pattern SEGMENT = Pattern.compile("seg-(\\d+)\\.m4s");
    private static final Pattern MAP = Pattern.compile("#EXT-X-MAP:URI=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI playlist;
    private long downloadedMillis;
    private long downloadedBytes;

    /** {@code base}: {@code http://host:port/live/{videoRoomId}/}. */
    HlsViewer(String base, String streamingToken) {
        this.playlist = URI.create(base + "media.m3u8?streamingToken=" + streamingToken);
    }

    /** Plays for {@code duration} of wall-clock time; returns the media time downloaded, in milliseconds. */
    HlsViewer watch(Duration duration) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        long next = -1;
        boolean initFetched = false;
        while (System.nanoTime() < end) {
            String text = get(playlist).body();
            if (!initFetched) {
                Matcher map = MAP.matcher(text);
                if (map.find()) {
                    fetch(playlist.resolve(map.group(1)));
                    initFetched = true;
                }
            }
            Map<Long, Listed> listed = segments(text);
            if (next < 0 && !listed.isEmpty()) {
                next = listed.keySet().stream().mapToLong(Long::longValue).max().getAsLong();
            }
            while (listed.containsKey(next) && System.nanoTime() < end) {
                Listed segment = listed.get(next);
                fetch(playlist.resolve(segment.uri()));
                downloadedMillis += segment.millis();
                next++;
            }
            Thread.sleep(250);
        }
        return this;
    }

    long downloadedMillis() {
        return downloadedMillis;
    }

    long downloadedBytes() {
        return downloadedBytes;
    }

    private void fetch(URI uri) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri.getPath() + " answered " + response.statusCode());
        }
        downloadedBytes += response.body().length;
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri.getPath() + " answered " + response.statusCode());
        }
        downloadedBytes += response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        return response;
    }

    /** The complete segments a media playlist lists, by media sequence number. */
    private static Map<Long, Listed> segments(String playlist) {
        Map<Long, Listed> segments = new LinkedHashMap<>();
        long millis = -1;
        for (String line : playlist.split("\n")) {
            if (line.startsWith("#EXTINF:")) {
                millis = Math.round(Double.parseDouble(line.substring(8, line.indexOf(','))) * 1000);
            } else if (!line.startsWith("#") && !line.isBlank() && millis >= 0) {
                Matcher m = SEGMENT.matcher(line);
                if (m.find()) {
                    segments.put(Long.parseLong(m.group(1)), new Listed(line.trim(), millis));
                }
                millis = -1;
            }
        }
        return segments;
    }

    private record Listed(String uri, long millis) {
    }
}
