package io.flipflop.media.origin;

import static io.flipflop.media.origin.MediaResponses.DASH;
import static io.flipflop.media.origin.MediaResponses.HLS;
import static io.flipflop.media.origin.MediaResponses.MP4;
import static io.flipflop.media.origin.MediaResponses.SEGMENT;
import static io.flipflop.media.origin.MediaResponses.body;
import static io.flipflop.media.origin.MediaResponses.manifest;
import static io.flipflop.media.origin.MediaResponses.notFound;

import io.flipflop.media.cmaf.CmafSettings;
import io.flipflop.media.cmaf.MediaNames;
import io.flipflop.media.usage.Delivery;
import io.flipflop.media.usage.PlaybackMeter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The playback origin for archived rooms: {@code /vod/{videoRoomId}/{file}}, the VOD the archive wrote
 * ({@link io.flipflop.media.vod.Archiver}), behind {@link PlaybackGate#admitVod}. The file is looked up on disk only
 * when its name is one of {@link MediaNames}' (playlists, MPD, {@code init-N.mp4}, {@code seg-N.m4s}) and the room
 * id a number, so no request names a path of its own.
 */
@RestController
class VodOrigin {

    private final PlaybackGate gate;
    private final PlaybackMeter meter;
    private final Path vodRoot;

    VodOrigin(PlaybackGate gate, PlaybackMeter meter, CmafSettings settings) {
        this.gate = gate;
        this.meter = meter;
        this.vodRoot = settings.vodRoot();
    }

    @GetMapping("/vod/{videoRoomId}/{file}")
    Mono<ResponseEntity<Flux<DataBuffer>>> file(@PathVariable String videoRoomId, @PathVariable String file,
                                                @RequestParam(required = false) String streamingToken,
                                                ServerHttpRequest request) {
        return gate.admitVod(videoRoomId, streamingToken).flatMap(playback -> {
            Path vod = vodRoot.resolve(Long.toString(playback.videoRoomId()));
            String cache = MediaResponses.mediaCache(playback.shared());
            Mono<ResponseEntity<Flux<DataBuffer>>> answer = switch (file) {
                case MediaNames.MULTIVARIANT, MediaNames.MEDIA_PLAYLIST -> read(vod, file)
                        .flatMap(text -> manifest(HLS, TokenedUris.hls(utf8(text), streamingToken)))
                        .switchIfEmpty(notFound());
                case MediaNames.MPD -> read(vod, file)
                        .flatMap(text -> manifest(DASH, TokenedUris.mpd(utf8(text), streamingToken)))
                        .switchIfEmpty(notFound());
                default -> MediaNames.parse(file)
                        .filter(name -> name.kind() != MediaNames.Kind.PART)
                        .map(name -> body(name.kind() == MediaNames.Kind.INIT ? MP4 : SEGMENT, cache, read(vod, file)))
                        .orElseGet(MediaResponses::notFound);
            };
            // Media keeps a viewer session open but carries no media time here (the playlist has it): bytes only.
            return meter.metered(answer, playback.appId(), playback.videoRoomId(),
                    meter.viewer(playback.viewer(), streamingToken, request),
                    MediaNames.parse(file).isPresent() ? Delivery::untimed : Delivery::bytesOnly);
        });
    }

    /** A file of the VOD, read off the event loop; empty when there is none. */
    private static Mono<byte[]> read(Path vod, String name) {
        return Mono.fromCallable(() -> {
            try {
                return Optional.of(Files.readAllBytes(vod.resolve(name)));
            } catch (NoSuchFileException e) {
                return Optional.<byte[]>empty();
            }
        }).subscribeOn(Schedulers.boundedElastic()).flatMap(Mono::justOrEmpty)
                .onErrorMap(IOException.class, e -> new IllegalStateException("Cannot read the VOD file " + name, e));
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
