package io.flipflop.api.videoroom;

/** A room's messaging channel (reference §13.3); one per room, sharing its id. */
public record ChannelRef(long id, String state, String channelState, String name) {
}
