package io.flipflop.api.streamkey;

/** The key string was replaced while INACTIVE; {@code previousStreamKey} stops working. */
public record StreamKeyReissued(long streamKeyId, StreamKeyState state, String previousStreamKey, String streamKey)
        implements StreamKeyEvent {
}
