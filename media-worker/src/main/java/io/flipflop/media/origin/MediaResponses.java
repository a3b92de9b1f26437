package io.flipflop.media.origin;

import io.flipflop.platform.error.ApiException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The answers of the live and VOD origins: content types, cache headers and bodies. Media files never change
 * once written, so any cache may keep them for a year; for a room that is not PUBLIC (or a preview) only the
 * viewer's own cache may, because the bytes were given for a private token. Manifests are revalidated.
 */
final class MediaResponses {

    static final MediaType HLS = MediaType.parseMediaType("application/vnd.apple.mpegurl");
    static final MediaType DASH = MediaType.parseMediaType("application/dash+xml");
    static final MediaType MP4 = MediaType.parseMediaType("video/mp4");
    static final MediaType SEGMENT = MediaType.parseMediaType("video/iso.segment");
    static final String SHARED_MEDIA = "public, max-age=31536000, immutable";
    static final String PRIVATE_MEDIA = "private, max-age=31536000, immutable";

    private static final CacheControl MANIFEST = CacheControl.noCache();

    private MediaResponses() {
    }

    static String mediaCache(boolean shared) {
        return shared ? SHARED_MEDIA : PRIVATE_MEDIA;
    }

    static Mono<ResponseEntity<Flux<DataBuffer>>> body(MediaType type, String cache, Mono<byte[]> bytes) {
        return bytes.map(b -> ResponseEntity.ok().contentType(type).header("Cache-Control", cache)
                .contentLength(b.length).body(Flux.just(buffer(b)))).switchIfEmpty(Mono.defer(() -> notFound()));
    }

    static Mono<ResponseEntity<Flux<DataBuffer>>> manifest(MediaType type, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return Mono.just(ResponseEntity.ok().contentType(type).cacheControl(MANIFEST).contentLength(bytes.length)
                .body(Flux.just(buffer(bytes))));
    }

    static DataBuffer buffer(byte[] bytes) {
        return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
    }

    static <T> Mono<T> notFound() {
        return Mono.error(ApiException.notFound("MEDIA_NOT_FOUND", "No such media file"));
    }
}
