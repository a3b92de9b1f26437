package io.flipflop.api.member;

/** Body of {@code POST /v2/apps/me/members} (reference §5.3). */
public record RegisterMemberRequest(String appUserId, String appUserName, String appUserProfileImgUrl) {
}
