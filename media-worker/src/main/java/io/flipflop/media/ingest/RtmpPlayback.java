package io.flipflop.media.ingest;

import io.flipflop.media.stream.FlvTag;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Flux;

/**
 * Who may play a room over RTMP, and what they then receive: the playback origin's admission (the same as for
 * {@code /live}), served from the publish's FLV output. Implemented by the origin; without one, RTMP play is
 * refused.
 */
public interface RtmpPlayback {

    /** A refusal for anything not playable here; see {@link Refused}. */
    String STREAM_NOT_FOUND = "NetStream.Play.StreamNotFound";
    String PLAY_FAILED = "NetStream.Play.Failed";

    /**
     * The answer to a play; it never completes exceptionally. Runs off the connection's event loop.
     *
     * @param clientAddress the player's IP address, and {@code agent} its {@code flashVer}, to tell anonymous
     *                      viewers apart as the origin tells HTTP ones apart by address and User-Agent
     */
    CompletableFuture<Answer> admit(String videoRoomId, String streamingToken, String clientAddress, String agent);

    sealed interface Answer {
    }

    /**
     * @param tags the codec configurations and the tags since the last keyframe, then live tags until the
     *             publish ends; an error when the player fell too far behind. The player has joined already:
     *             it must subscribe, or cancel.
     */
    record Admitted(Flux<FlvTag> tags) implements Answer {
    }

    /**
     * @param code        the onStatus code: {@code NetStream.Play.StreamNotFound} for anything not playable here
     *                    (no such room, not admitted, not on air, no RTMP output), {@code NetStream.Play.Failed}
     *                    for an invalid token
     * @param reason      for the log line; never the token
     */
    record Refused(String code, String reason) implements Answer {
    }
}
