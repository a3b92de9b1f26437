package io.flipflop.api.videoroom;

/** The owner as nested in rooms and stream keys (reference §13.1, D10 nested member). */
public record MemberRef(long id, String state, String appUserId, String appUserName, String appUserProfileImgUrl,
                       String customType) {
}
