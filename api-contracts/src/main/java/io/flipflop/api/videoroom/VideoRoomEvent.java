package io.flipflop.api.videoroom;

/**
 * Events of a video room's stream. Each carries the room's state afterwards, so projections and the audit
 * replay fold events without re-deriving transitions; the event's timestamp is the moment of the change
 * ({@code liveStartedAt}, {@code cancelledAt}, ...).
 */
public sealed interface VideoRoomEvent permits VideoRoomCreated, VideoRoomUpdated, VideoRoomDeleted,
        VideoRoomCancelled, VideoRoomWentLive, VideoRoomIngestLost, VideoRoomIngestResumed,
        VideoRoomBroadcastEnded, VideoRoomForciblyTerminated, VideoRoomArchiveStarted, VideoRoomArchived,
        VideoRoomArchiveFailed, VideoRoomArchivePosted, MemberAllowedOnVideoRoom, MemberDisallowedOnVideoRoom {
    long videoRoomId();

    VideoRoomState state();
}
