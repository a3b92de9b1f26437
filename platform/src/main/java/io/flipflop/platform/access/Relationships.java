package io.flipflop.platform.access;

/**
 * The member relationships {@link AccessPolicy} asks about, backed by whatever read model the caller has (the
 * query side's relationship projection, a cache in the playback origin). Asked only for members of one app, and
 * only when the answer matters.
 */
public interface Relationships {

    /** No relationships at all: for access levels that do not depend on them. */
    Relationships NONE = new Relationships() {
        @Override
        public boolean isFollower(long ownerMemberId, long viewerMemberId) {
            return false;
        }

        @Override
        public boolean isFriend(long ownerMemberId, long viewerMemberId) {
            return false;
        }
    };

    /** Whether {@code viewerMemberId} follows {@code ownerMemberId}. */
    boolean isFollower(long ownerMemberId, long viewerMemberId);

    /** Whether the two members are friends. */
    boolean isFriend(long ownerMemberId, long viewerMemberId);
}
