package io.flipflop.api.streamkey;

/**
 * Any active state → INACTIVE by the app's force-terminate: the ingest is cut, the key string replaced
 * ({@code previousStreamKey} stops working) and {@code videoRoomId}, the room it was live for (null if none),
 * ends without a VOD.
 */
public record StreamKeyForciblyTerminated(long streamKeyId, StreamKeyState state, StreamKeyState previousState,
                                          String workerId, Long videoRoomId, String previousStreamKey,
                                          String streamKey) implements StreamKeyEvent {
}
