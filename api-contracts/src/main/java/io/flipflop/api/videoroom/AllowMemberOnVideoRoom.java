package io.flipflop.api.videoroom;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Puts the app's member {@code memberId} ({@code appUserId}) on the room's allowlist, which decides who views a
 * {@link AccessLevel#RESTRICTED} room. App API only: a room of another app is not found. Idempotent.
 */
public record AllowMemberOnVideoRoom(@TargetAggregateIdentifier long videoRoomId, long appId, long memberId,
                                     String appUserId) implements VideoRoomCommand {
}
