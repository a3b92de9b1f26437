package io.flipflop.platform.access;

import io.flipflop.api.videoroom.AccessLevel;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link AccessPolicy} needs to know of a video room or post: whose it is and who it is for.
 *
 * @param allowlist member ids that may view a {@link AccessLevel#RESTRICTED} resource; ignored at other levels
 */
public record ProtectedResource(long appId, long ownerMemberId, AccessLevel accessLevel, Set<Long> allowlist) {

    public ProtectedResource {
        Objects.requireNonNull(accessLevel, "accessLevel");
        allowlist = allowlist == null ? Set.of() : Set.copyOf(allowlist);
    }
}
