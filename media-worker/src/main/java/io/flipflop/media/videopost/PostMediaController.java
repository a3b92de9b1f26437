package io.flipflop.media.videopost;

import io.flipflop.api.videopost.VideoPostAsset;
import io.flipflop.media.origin.TokenedUris;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.security.UploadUrlSigner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Pattern;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A post's media on the media worker: part uploads ({@code PUT /vod/{videoPostId}/upload/{partNumber}}, signed
 * URLs from {@code request-upload-urls}), thumbnail and preview uploads ({@code PUT .../upload/thumbnail},
 * {@code .../upload/preview}), playback of the processed post: {@code /vod/{videoPostId}/cmaf/{file}} (one set of
 * CMAF segments, HLS {@code master.m3u8} and DASH {@code manifest.mpd}), {@code /vod/{videoPostId}/mp4/download.mp4},
 * and the pictures {@code /vod/{videoPostId}/images/thumbnail.jpg} and {@code preview.mp4}, behind
 * {@link PostPlaybackGate}. The extra path level keeps these
 * routes apart from the room archives' {@code /vod/{videoRoomId}/{file}}; ids are unique across kinds, so both
 * share one {@code /vod/{id}} namespace. CORS comes from the platform's browser CORS on {@code /vod/**}. Every
 * answer of an admitted playback is metered ({@link PostPlaybackUsage}).
 */
@RestController
class PostMediaController {

    static final MediaType HLS = MediaType.parseMediaType("application/vnd.apple.mpegurl");
    static final MediaType DASH = MediaType.parseMediaType("application/dash+xml");
    static final MediaType MP4 = MediaType.parseMediaType("video/mp4");
    static final MediaType SEGMENT = MediaType.parseMediaType("video/iso.segment");
    /** Names ffmpeg writes: manifests, init and media segments; nothing with a path separator or "..". */
    private static final Pattern MEDIA_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}\\.(m3u8|mpd|m4s)");
    private static final String SHARED_MEDIA = "public, max-age=31536000, immutable";
    private static final String PRIVATE_MEDIA = "private, max-age=31536000, immutable";
    /** An upload replaces a thumbnail or preview at the same URL, so caches keep them only a minute. */
    private static final String SHARED_PICTURE = "public, max-age=60";
    private static final String PRIVATE_PICTURE = "private, max-age=60";
    private static final int CHUNK = 64 * 1024;

    private final PartUploads uploads;
    private final AssetUploads assetUploads;
    private final PostPlaybackGate gate;
    private final PostFiles files;
    private final PostPlaybackUsage usage;

    PostMediaController(PartUploads uploads, AssetUploads assetUploads, PostPlaybackGate gate, PostFiles files,
                        PostPlaybackUsage usage) {
        this.uploads = uploads;
        this.assetUploads = assetUploads;
        this.gate = gate;
        this.files = files;
        this.usage = usage;
    }

    /**
     * The body is read as it comes, whatever its content type (as S3's and Mux's upload URLs take it): a client that
     * sends a form type, as {@code curl --data-binary} does by default, still uploads its bytes.
     */
    @PutMapping("/vod/{videoPostId}/upload/{partNumber}")
    Mono<ResponseEntity<PartUploads.StoredPart>> upload(@PathVariable long videoPostId, @PathVariable int partNumber,
                                                         @RequestParam String uploadId, @RequestParam long size,
                                                         @RequestParam long expires, @RequestParam String signature,
                                                         ServerHttpRequest request) {
        UploadUrlSigner.PartGrant grant = new UploadUrlSigner.PartGrant(videoPostId, uploadId, partNumber, size,
                Instant.ofEpochSecond(expires));
        return uploads.store(grant, signature, request.getBody())
                .map(part -> ResponseEntity.ok().eTag("\"" + part.eTag() + "\"").body(part));
    }

    @GetMapping("/vod/{videoPostId}/cmaf/{file}")
    Mono<ResponseEntity<Flux<DataBuffer>>> cmaf(@PathVariable long videoPostId, @PathVariable String file,
                                                @RequestParam(required = false) String streamingToken,
                                                ServerHttpRequest request) {
        if (!MEDIA_NAME.matcher(file).matches()) {
            return notFound();
        }
        return gate.admit(videoPostId, streamingToken).flatMap(playback -> {
            Path path = files.out(videoPostId).resolve(file);
            Mono<ResponseEntity<Flux<DataBuffer>>> answer;
            if (file.endsWith(".m3u8")) {
                answer = manifest(path, HLS, text -> TokenedUris.hls(text, streamingToken));
            } else if (file.endsWith(".mpd")) {
                answer = manifest(path, DASH, text -> TokenedUris.mpd(text, streamingToken));
            } else {
                answer = media(path, file.startsWith("init") ? MP4 : SEGMENT, immutable(playback));
            }
            return usage.metered(playback, streamingToken, request, file, answer);
        });
    }

    @GetMapping("/vod/{videoPostId}/mp4/" + Transcoder.DOWNLOAD)
    Mono<ResponseEntity<Flux<DataBuffer>>> download(@PathVariable long videoPostId,
                                                    @RequestParam(required = false) String streamingToken,
                                                    ServerHttpRequest request) {
        return gate.admit(videoPostId, streamingToken).flatMap(playback -> usage.metered(playback, streamingToken,
                request, Transcoder.DOWNLOAD,
                media(files.out(videoPostId).resolve(Transcoder.DOWNLOAD), MP4, immutable(playback))));
    }

    /** A thumbnail or preview upload: one PUT of the whole file to the signed URL of its request; any content type. */
    @PutMapping({"/vod/{videoPostId}/upload/thumbnail", "/vod/{videoPostId}/upload/preview"})
    Mono<ResponseEntity<AssetUploads.StoredAsset>> uploadAsset(
            @PathVariable long videoPostId, @RequestParam String uploadId, @RequestParam long size,
            @RequestParam long expires, @RequestParam String signature, ServerHttpRequest request) {
        VideoPostAsset asset = request.getPath().value().endsWith("/thumbnail") ? VideoPostAsset.THUMBNAIL
                : VideoPostAsset.PREVIEW;
        return assetUploads.store(videoPostId, asset, uploadId, size, Instant.ofEpochSecond(expires), signature,
                        request.getBody())
                .map(stored -> ResponseEntity.ok().eTag("\"" + stored.eTag() + "\"").body(stored));
    }

    /** The uploaded thumbnail, else the generated one; in any state of the post, under its access level. */
    @GetMapping("/vod/{videoPostId}/images/thumbnail.jpg")
    Mono<ResponseEntity<Flux<DataBuffer>>> thumbnail(@PathVariable long videoPostId,
                                                     @RequestParam(required = false) String streamingToken,
                                                     ServerHttpRequest request) {
        return picture(videoPostId, VideoPostAsset.THUMBNAIL, MediaType.IMAGE_JPEG, streamingToken, request);
    }

    /** The uploaded preview, else the generated one; as the thumbnail. */
    @GetMapping("/vod/{videoPostId}/images/preview.mp4")
    Mono<ResponseEntity<Flux<DataBuffer>>> preview(@PathVariable long videoPostId,
                                                   @RequestParam(required = false) String streamingToken,
                                                   ServerHttpRequest request) {
        return picture(videoPostId, VideoPostAsset.PREVIEW, MP4, streamingToken, request);
    }

    private Mono<ResponseEntity<Flux<DataBuffer>>> picture(long videoPostId, VideoPostAsset asset, MediaType type,
                                                           String streamingToken, ServerHttpRequest request) {
        return gate.admitPictures(videoPostId, streamingToken).flatMap(playback -> Mono.fromCallable(
                        () -> files.shownAsset(videoPostId, asset)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(path -> usage.metered(playback, streamingToken, request, path.getFileName().toString(),
                        media(path, type, playback.shared() ? SHARED_PICTURE : PRIVATE_PICTURE))));
    }

    /** Manifests are small; read whole to carry the token into their URIs. VOD manifests never change. */
    private static Mono<ResponseEntity<Flux<DataBuffer>>> manifest(Path path, MediaType type,
                                                                   java.util.function.UnaryOperator<String> tokened) {
        return Mono.fromCallable(() -> Files.exists(path) ? Files.readString(path) : null)
                .subscribeOn(Schedulers.boundedElastic())
                .map(text -> {
                    byte[] bytes = tokened.apply(text).getBytes(StandardCharsets.UTF_8);
                    return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noCache())
                            .contentLength(bytes.length)
                            .body(Flux.<DataBuffer>just(DefaultDataBufferFactory.sharedInstance.wrap(bytes)));
                })
                .switchIfEmpty(notFound());
    }

    /** Segments and the download never change once a post is processed. */
    private static String immutable(PostPlaybackGate.Playback playback) {
        return playback.shared() ? SHARED_MEDIA : PRIVATE_MEDIA;
    }

    /** Streamed from disk in chunks, never read whole. */
    private static Mono<ResponseEntity<Flux<DataBuffer>>> media(Path path, MediaType type, String cacheControl) {
        return Mono.fromCallable(() -> Files.exists(path) ? Files.size(path) : -1L)
                .subscribeOn(Schedulers.boundedElastic())
                .filter(length -> length >= 0)
                .map(length -> ResponseEntity.ok().contentType(type)
                        .header("Cache-Control", cacheControl).contentLength(length)
                        .body(DataBufferUtils.read(path, DefaultDataBufferFactory.sharedInstance, CHUNK)))
                .switchIfEmpty(notFound());
    }

    private static <T> Mono<T> notFound() {
        return Mono.error(ApiException.notFound("MEDIA_NOT_FOUND", "No such video post media file"));
    }
}
