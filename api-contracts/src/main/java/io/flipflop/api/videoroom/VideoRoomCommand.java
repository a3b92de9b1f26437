package io.flipflop.api.videoroom;

/**
 * Commands of a video room (SPEC §2). Commands an app or member sends directly carry the caller's {@code appId}
 * and, on the member API, {@code ownerMemberId} (null on the App API): a room of another app, or another
 * member's room, is not found. The broadcast commands are sent by the broadcast process after that check.
 * Who sent a command is in its metadata ({@link CommandOrigin}).
 */
public sealed interface VideoRoomCommand permits CreateVideoRoom, InspectVideoRoom, UpdateVideoRoom,
        DeleteVideoRoom, CancelVideoRoom, GoLive, MarkIngestLost, MarkIngestResumed, EndBroadcast,
        ForceTerminateVideoRoom, StartArchive, CompleteArchive, FailArchive, AllowMemberOnVideoRoom,
        DisallowMemberOnVideoRoom, PostArchive {
    long videoRoomId();
}
