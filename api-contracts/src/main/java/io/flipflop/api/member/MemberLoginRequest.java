package io.flipflop.api.member;

import java.util.Map;

/** Body of {@code POST /v2/apps/me/members/login} (reference §5.1, D10 fields). */
public record MemberLoginRequest(String appUserId, String appUserName, String appUserProfileImgUrl, String email,
                                 String customType, Map<String, String> customData) {
}
