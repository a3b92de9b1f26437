package io.flipflop.query.relationship;

import io.flipflop.platform.access.Relationships;

/**
 * The relationships between one owner and one viewer, read ahead from the read models: the access policy asks
 * synchronously, and a reactive read path must not block its event loop to answer.
 */
public record KnownRelationships(long ownerMemberId, long viewerMemberId, boolean follower, boolean friend)
        implements Relationships {

    @Override
    public boolean isFollower(long ownerMemberId, long viewerMemberId) {
        requireSamePair(ownerMemberId, viewerMemberId);
        return follower;
    }

    @Override
    public boolean isFriend(long ownerMemberId, long viewerMemberId) {
        requireSamePair(ownerMemberId, viewerMemberId);
        return friend;
    }

    /** Answering for another pair would be a silent wrong answer; asking for one is a bug. */
    private void requireSamePair(long owner, long viewer) {
        if (owner != this.ownerMemberId || viewer != this.viewerMemberId) {
            throw new IllegalArgumentException("Known relationships are between " + this.ownerMemberId + " and "
                    + this.viewerMemberId + ", not " + owner + " and " + viewer);
        }
    }
}
