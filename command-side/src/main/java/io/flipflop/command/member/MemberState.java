package io.flipflop.command.member;

import io.flipflop.api.member.MemberProfile;
import java.time.Instant;

/** What a member command handler answers: the member right after the command, for read-your-writes answers. */
public record MemberState(long memberId, long appId, String appUserId, MemberProfile profile, boolean guest,
                          Long streamKeyId, Instant createdAt, Instant lastModifiedAt) {
}
