package io.flipflop.media.origin;

import static io.flipflop.media.origin.MediaResponses.DASH;
import static io.flipflop.media.origin.MediaResponses.HLS;
import static io.flipflop.media.origin.MediaResponses.MP4;
import static io.flipflop.media.origin.MediaResponses.SEGMENT;
import static io.flipflop.media.origin.MediaResponses.body;
import static io.flipflop.media.origin.MediaResponses.manifest;
import static io.flipflop.media.origin.MediaResponses.notFound;

import io.flipflop.media.cmaf.LiveStream;
import io.flipflop.media.cmaf.MediaNames;
import io.flipflop.media.cmaf.PlaylistAnswer;
import io.flipflop.media.cmaf.PlaylistRequest;
import io.flipflop.media.flv.FlvStreams;
import io.flipflop.media.usage.Delivery;
import io.flipflop.media.usage.PlaybackMeter;
import io.flipflop.platform.error.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The playback origin for live rooms: {@code /live/{videoRoomId}/{file}} with the file names of
 * {@link MediaNames} (anything else is 404, so no request reaches the file system by name), behind
 * {@link PlaybackGate}. Every answer is metered ({@link PlaybackMeter}: viewer sessions, delivered media time
 * and bytes). Waiting answers (LL-HLS blocking reload, the hinted part, a segment still being filled)
 * chain on the live stream's futures and hold no thread. CORS comes from the platform's browser CORS on
 * {@code /live/**}.
 */
@RestController
class LiveOrigin {

    static final String TIME_PATH = "/live/time";

    static final MediaType FLV = MediaType.parseMediaType("video/x-flv");

    private final PlaybackGate gate;
    private final PlaybackMeter meter;
    private final FlvStreams httpFlv;
    private final Clock clock;

    @Autowired
    LiveOrigin(PlaybackGate gate, PlaybackMeter meter, FlvStreams httpFlv) {
        this(gate, meter, httpFlv, Clock.systemUTC());
    }

    LiveOrigin(PlaybackGate gate, PlaybackMeter meter, FlvStreams httpFlv, Clock clock) {
        this.gate = gate;
        this.meter = meter;
        this.httpFlv = httpFlv;
        this.clock = clock;
    }

    /** The clock the MPD's UTCTiming points at ({@code urn:mpeg:dash:utc:http-iso:2014}): players on closed networks. */
    @GetMapping(value = TIME_PATH, produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> time() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(DateTimeFormatter.ISO_INSTANT.format(Instant.now(clock)));
    }

    /**
     * HTTP-FLV (reference §16, mode RTMP or RTMP_CMAF): an endless FLV body from the last keyframe on, with the
     * same admission as the CMAF files; 404 when the room's publish has no FLV output (mode CMAF, or no publisher).
     */
    @GetMapping("/live/{videoRoomId}.flv")
    Mono<ResponseEntity<Flux<DataBuffer>>> httpFlv(@PathVariable String videoRoomId,
                                                   @RequestParam(required = false) String streamingToken,
                                                   ServerHttpRequest request) {
        return gate.admit(videoRoomId, streamingToken)
                .flatMap(playback -> meter.metered(Mono.justOrEmpty(httpFlv.watchFlv(playback.stream().streamKeyId()))
                                .map(tags -> ResponseEntity.ok().contentType(FLV).cacheControl(CacheControl.noStore())
                                        .body(tags.map(MediaResponses::buffer))),
                        playback.room().appId(), playback.room().videoRoomId(),
                        meter.viewer(playback.viewer(), streamingToken, request), Delivery::bytesOnly))
                .switchIfEmpty(Mono.defer(() -> notFound()));
    }

    @GetMapping("/live/{videoRoomId}/{file}")
    Mono<ResponseEntity<Flux<DataBuffer>>> file(@PathVariable String videoRoomId, @PathVariable String file,
                                 @RequestParam(required = false) String streamingToken,
                                 @RequestParam(name = "_HLS_msn", required = false) String hlsMsn,
                                 @RequestParam(name = "_HLS_part", required = false) String hlsPart,
                                 @RequestParam(name = "_HLS_skip", required = false) String hlsSkip,
                                 ServerHttpRequest request) {
        return gate.admit(videoRoomId, streamingToken).flatMap(playback -> {
            LiveStream live = playback.stream();
            Mono<ResponseEntity<Flux<DataBuffer>>> answer = switch (file) {
                case MediaNames.MULTIVARIANT ->
                        manifest(HLS, TokenedUris.hls(live.multivariantPlaylist(), streamingToken));
                case MediaNames.MEDIA_PLAYLIST -> mediaPlaylist(live, hlsMsn, hlsPart, hlsSkip, streamingToken);
                case MediaNames.MPD -> manifest(DASH, TokenedUris.mpd(live.mpd(clockUrl(request)), streamingToken));
                default -> media(playback, file);
            };
            return meter.metered(answer, playback.room().appId(), playback.room().videoRoomId(),
                    meter.viewer(playback.viewer(), streamingToken, request), bytes -> delivery(live, file, bytes));
        });
    }

    /**
     * What usage metering charges for {@code bytes} sent as {@code file}: the media time of a segment or part
     * while the window lists it (a segment sent while it was filled is complete once sent), none for an init
     * segment; a manifest is bytes only.
     */
    private static Delivery delivery(LiveStream live, String file, long bytes) {
        Optional<MediaNames.Numbered> name = MediaNames.parse(file);
        if (name.isEmpty()) {
            return Delivery.bytesOnly(bytes);
        }
        long number = name.get().number();
        return switch (name.get().kind()) {
            case INIT -> Delivery.untimed(bytes);
            case SEGMENT -> {
                OptionalLong millis = live.segmentMillis(number);
                yield millis.isPresent() ? Delivery.segment(bytes, number, millis.getAsLong()) : Delivery.untimed(bytes);
            }
            case PART -> live.partTime(number).map(part -> Delivery.part(bytes, part.msn(), part.index(), part.millis()))
                    .orElseGet(() -> Delivery.untimed(bytes));
        };
    }

    private Mono<ResponseEntity<Flux<DataBuffer>>> mediaPlaylist(LiveStream live, String hlsMsn, String hlsPart, String hlsSkip,
                                                  String streamingToken) {
        PlaylistRequest directives;
        try {
            directives = PlaylistRequest.parse(hlsMsn, hlsPart, hlsSkip);
        } catch (IllegalArgumentException e) {
            return Mono.error(ApiException.badRequest("INVALID_HLS_DIRECTIVE", e.getMessage()));
        }
        // the future completes on the packaging thread: move off it before rendering the response
        return Mono.fromFuture(live.mediaPlaylist(directives)).publishOn(Schedulers.parallel())
                .flatMap(answer -> {
                    if (answer instanceof PlaylistAnswer.Playlist playlist) {
                        return manifest(HLS, TokenedUris.hls(playlist.text(), streamingToken));
                    }
                    if (answer instanceof PlaylistAnswer.BadRequest bad) {
                        return Mono.error(ApiException.badRequest("INVALID_HLS_DIRECTIVE", bad.reason()));
                    }
                    return Mono.error(new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "PART_NOT_AVAILABLE",
                            "The requested part did not appear in time"));
                });
    }

    private Mono<ResponseEntity<Flux<DataBuffer>>> media(PlaybackGate.Playback playback, String file) {
        LiveStream live = playback.stream();
        String cache = MediaResponses.mediaCache(playback.shared());
        Optional<MediaNames.Numbered> name = MediaNames.parse(file);
        if (name.isEmpty()) {
            return notFound();
        }
        long number = name.get().number();
        return switch (name.get().kind()) {
            case INIT -> number > Integer.MAX_VALUE ? notFound()
                    : body(MP4, cache, Mono.justOrEmpty(live.init((int) number)));
            case PART -> body(SEGMENT, cache, future(live.part(number)));
            case SEGMENT -> live.segment(number).map(bytes -> body(SEGMENT, cache, Mono.just(bytes)))
                    .orElseGet(() -> segmentWhileFilled(live, number, cache));
        };
    }

    /**
     * A segment still being filled (DASH availabilityTimeOffset) goes out part by part, chunked, as its parts
     * land; one that completed meanwhile comes whole.
     */
    private Mono<ResponseEntity<Flux<DataBuffer>>> segmentWhileFilled(LiveStream live, long msn, String cache) {
        Mono<ResponseEntity<Flux<DataBuffer>>> whole = Mono.defer(() -> live.segment(msn)
                .map(bytes -> body(SEGMENT, cache, Mono.just(bytes))).orElseGet(() -> notFound()));
        return future(live.segmentPart(msn, 0))
                .map(first -> ResponseEntity.ok().contentType(SEGMENT).header("Cache-Control", cache)
                        .body(Flux.just(first).concatWith(partsFrom(live, msn, 1)).map(MediaResponses::buffer)))
                .switchIfEmpty(whole);
    }

    private static Flux<byte[]> partsFrom(LiveStream live, long msn, int index) {
        return future(live.segmentPart(msn, index))
                .flatMapMany(part -> Flux.just(part).concatWith(Flux.defer(() -> partsFrom(live, msn, index + 1))));
    }

    private static Mono<byte[]> future(CompletableFuture<Optional<byte[]>> answer) {
        return Mono.fromFuture(answer).publishOn(Schedulers.parallel()).flatMap(Mono::justOrEmpty);
    }

    /** Absolute, as the player reached us: a relative UTCTiming URL is not resolved by every player. */
    private static String clockUrl(ServerHttpRequest request) {
        return UriComponentsBuilder.fromUri(request.getURI()).replacePath(TIME_PATH).replaceQuery(null).fragment(null)
                .build().toUriString();
    }
}
