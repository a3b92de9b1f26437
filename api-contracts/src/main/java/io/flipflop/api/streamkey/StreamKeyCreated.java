package io.flipflop.api.streamkey;

/** A member's stream key, created INACTIVE together with the member. */
public record StreamKeyCreated(long streamKeyId, long appId, long memberId, String streamKey)
        implements StreamKeyEvent {
}
