package io.flipflop.platform.access;

/**
 * The member relationships {@link AccessPolicy} asks about, backed by whatever read model the caller has (the
 * query side's relationship projection, a cache in the playback origin). Asked only for members of one app, and
 * only when the answer matters.
 */
public interface Relationships {

    /** Whether {@code viewerMemberId} follows {@code ownerMemberId}. */
    boolean isFollower(long ownerMemberId, long viewerMemberId);

    /** Whether the two members are friends. */
    boolean isFriend(long ownerMemberId, long viewerMemberId);
}
