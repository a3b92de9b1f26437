package io.flipflop.api.videoroom;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes the member off the room's allowlist (see {@link AllowMemberOnVideoRoom}). Idempotent. */
public record DisallowMemberOnVideoRoom(@TargetAggregateIdentifier long videoRoomId, long appId, long memberId,
                                        String appUserId) implements VideoRoomCommand {
}
