package io.flipflop.api.videoroom;

/** Room types (reference §14). The HTTP edge also accepts D10's {@code VIDEO_SURVEILLANCE} for SURVEILLANCE. */
public enum VideoRoomType {
    BROADCAST_RTMP, BROADCAST_WEBRTC, WEBINAR, VIDEO_CONFERENCE, SURVEILLANCE
}
