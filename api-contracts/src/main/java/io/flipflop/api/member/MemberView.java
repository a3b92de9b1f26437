package io.flipflop.api.member;

import io.flipflop.api.app.AppRef;
import java.time.Instant;
import java.util.Map;

/** A member as the App API and {@code GET /v2/members/me} show it (reference §13.1 plus D10 fields). */
public record MemberView(long id, String state, AppRef app, String appUserId, String appUserName,
                         String appUserProfileImgUrl, String email, String customType,
                         Map<String, String> customData, boolean guest, Instant createdAt,
                         Instant lastModifiedAt) {
}
