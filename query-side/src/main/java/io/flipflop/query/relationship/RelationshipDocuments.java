package io.flipflop.query.relationship;

/**
 * The relationship read models, keyed so that the access policy's two questions are {@code _id} lookups:
 * <ul>
 *   <li>{@value #FOLLOWS}: {@code {_id: "<ownerMemberId>:<followerMemberId>", appId, ownerMemberId,
 *       ownerAppUserId, followerMemberId, followerAppUserId, active, memberDeleted?, version}}, from the
 *       follower's stream, where following is recorded.</li>
 *   <li>{@value #FRIENDS}: {@code {_id: "<memberId>:<friendMemberId>", appId, memberId, appUserId,
 *       friendMemberId, friendAppUserId, active, memberDeleted?, version}}, one document per direction, each
 *       from the stream of the member it starts at: each member records its own side of a friendship.</li>
 *   <li>{@value #DELETED_MEMBERS}: {@code {_id: memberId, memberDeleted: true}} of every deleted member.</li>
 * </ul>
 * {@code version} is the sequence of the one stream that writes a document. A removed relationship stays with
 * {@code active: false}, so a redelivered older event cannot revive it. {@code memberDeleted} marks a
 * relationship one of whose members was deleted; it never matters again (member ids are never reused) and
 * listings leave it out.
 */
final class RelationshipDocuments {

    static final String FOLLOWS = "follows";
    static final String FRIENDS = "friends";
    static final String DELETED_MEMBERS = "relationship_deleted_members";

    static final String APP_ID = "appId";
    static final String OWNER_MEMBER_ID = "ownerMemberId";
    static final String OWNER_APP_USER_ID = "ownerAppUserId";
    static final String FOLLOWER_MEMBER_ID = "followerMemberId";
    static final String FOLLOWER_APP_USER_ID = "followerAppUserId";
    static final String MEMBER_ID = "memberId";
    static final String APP_USER_ID = "appUserId";
    static final String FRIEND_MEMBER_ID = "friendMemberId";
    static final String FRIEND_APP_USER_ID = "friendAppUserId";
    static final String ACTIVE = "active";
    static final String MEMBER_DELETED = "memberDeleted";

    private RelationshipDocuments() {
    }

    /** The {@code _id} of a relationship from {@code from} to {@code to}. */
    static String key(long from, long to) {
        return from + ":" + to;
    }
}
