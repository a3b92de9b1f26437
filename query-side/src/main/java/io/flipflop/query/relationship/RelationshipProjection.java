package io.flipflop.query.relationship;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;
import static io.flipflop.query.readmodel.ReadModelWrites.VERSION;
import static io.flipflop.query.readmodel.ReadModelWrites.await;
import static io.flipflop.query.readmodel.ReadModelWrites.awaitUnlessStale;
import static io.flipflop.query.relationship.RelationshipDocuments.ACTIVE;
import static io.flipflop.query.relationship.RelationshipDocuments.APP_ID;
import static io.flipflop.query.relationship.RelationshipDocuments.APP_USER_ID;
import static io.flipflop.query.relationship.RelationshipDocuments.FOLLOWER_APP_USER_ID;
import static io.flipflop.query.relationship.RelationshipDocuments.FOLLOWER_MEMBER_ID;
import static io.flipflop.query.relationship.RelationshipDocuments.FRIEND_APP_USER_ID;
import static io.flipflop.query.relationship.RelationshipDocuments.FRIEND_MEMBER_ID;
import static io.flipflop.query.relationship.RelationshipDocuments.MEMBER_DELETED;
import static io.flipflop.query.relationship.RelationshipDocuments.MEMBER_ID;
import static io.flipflop.query.relationship.RelationshipDocuments.OWNER_APP_USER_ID;
import static io.flipflop.query.relationship.RelationshipDocuments.OWNER_MEMBER_ID;
import static io.flipflop.query.relationship.RelationshipDocuments.key;

import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.member.FollowingAdded;
import io.flipflop.api.member.FollowingRemoved;
import io.flipflop.api.member.FriendAdded;
import io.flipflop.api.member.FriendRemoved;
import io.flipflop.api.member.MemberDeleted;
import java.time.Duration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Keeps the relationship read models ({@link RelationshipDocuments}) in step with the member events.
 *
 * <p>A deletion and a relationship naming the deleted member come from different streams, which different
 * processor segments may handle in either order. So each side leaves a trace for the other: a deletion records
 * the member in {@value RelationshipDocuments#DELETED_MEMBERS} and then marks its existing relationships; a
 * relationship write then checks that collection and marks itself. Whichever runs last sees the other's write,
 * so the result does not depend on the order.
 */
@Component
@ProcessingGroup(RelationshipProjection.PROCESSING_GROUP)
public class RelationshipProjection {

    public static final String PROCESSING_GROUP = "relationships";

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final MongoCollection<Document> follows;
    private final MongoCollection<Document> friends;
    private final MongoCollection<Document> deletedMembers;

    public RelationshipProjection(MongoDatabase database) {
        this.follows = database.getCollection(RelationshipDocuments.FOLLOWS);
        this.friends = database.getCollection(RelationshipDocuments.FRIENDS);
        this.deletedMembers = database.getCollection(RelationshipDocuments.DELETED_MEMBERS);
        createIndexes();
    }

    @EventHandler
    public void on(FollowingAdded event, @SequenceNumber long sequence) {
        follow(event.appId(), event.followedMemberId(), event.followedAppUserId(), event.memberId(),
                event.appUserId(), true, sequence);
    }

    @EventHandler
    public void on(FollowingRemoved event, @SequenceNumber long sequence) {
        follow(event.appId(), event.followedMemberId(), event.followedAppUserId(), event.memberId(),
                event.appUserId(), false, sequence);
    }

    @EventHandler
    public void on(FriendAdded event, @SequenceNumber long sequence) {
        befriend(event.appId(), event.memberId(), event.appUserId(), event.friendMemberId(),
                event.friendAppUserId(), true, sequence);
    }

    @EventHandler
    public void on(FriendRemoved event, @SequenceNumber long sequence) {
        befriend(event.appId(), event.memberId(), event.appUserId(), event.friendMemberId(),
                event.friendAppUserId(), false, sequence);
    }

    @EventHandler
    public void on(MemberDeleted event) {
        long member = event.memberId();
        await(deletedMembers.updateOne(eq("_id", member), setOnInsert(MEMBER_DELETED, true),
                new UpdateOptions().upsert(true)));
        await(follows.updateMany(or(eq(OWNER_MEMBER_ID, member), eq(FOLLOWER_MEMBER_ID, member)),
                set(MEMBER_DELETED, true)));
        await(friends.updateMany(or(eq(MEMBER_ID, member), eq(FRIEND_MEMBER_ID, member)),
                set(MEMBER_DELETED, true)));
    }

    /** A replay starts from empty collections, so what it builds depends on the events alone. */
    @ResetHandler
    public void reset() {
        await(follows.drop());
        await(friends.drop());
        await(deletedMembers.drop());
        createIndexes();
    }

    private void follow(long appId, long owner, String ownerAppUserId, long follower, String followerAppUserId,
                        boolean active, long sequence) {
        String id = key(owner, follower);
        awaitUnlessStale(follows.updateOne(olderThan(id, sequence),
                combine(set(APP_ID, appId), set(OWNER_MEMBER_ID, owner), set(OWNER_APP_USER_ID, ownerAppUserId),
                        set(FOLLOWER_MEMBER_ID, follower), set(FOLLOWER_APP_USER_ID, followerAppUserId),
                        set(ACTIVE, active), set(VERSION, sequence)),
                new UpdateOptions().upsert(true)));
        markIfAMemberIsDeleted(follows, id, owner, follower);
    }

    private void befriend(long appId, long member, String appUserId, long friend, String friendAppUserId,
                          boolean active, long sequence) {
        String id = key(member, friend);
        awaitUnlessStale(friends.updateOne(olderThan(id, sequence),
                combine(set(APP_ID, appId), set(MEMBER_ID, member), set(APP_USER_ID, appUserId),
                        set(FRIEND_MEMBER_ID, friend), set(FRIEND_APP_USER_ID, friendAppUserId),
                        set(ACTIVE, active), set(VERSION, sequence)),
                new UpdateOptions().upsert(true)));
        markIfAMemberIsDeleted(friends, id, member, friend);
    }

    private void markIfAMemberIsDeleted(MongoCollection<Document> relationships, String id, long one, long other) {
        Boolean deleted = Flux.from(deletedMembers.find(in("_id", one, other)).limit(1)).hasElements()
                .block(READ_TIMEOUT);
        if (Boolean.TRUE.equals(deleted)) {
            await(relationships.updateOne(eq("_id", id), set(MEMBER_DELETED, true)));
        }
    }

    private static Bson olderThan(String id, long sequence) {
        return and(eq("_id", id), lt(VERSION, sequence));
    }

    /** For a real MongoDB: the listings and the deletion select by one member. */
    private void createIndexes() {
        await(follows.createIndex(Indexes.ascending(OWNER_MEMBER_ID, FOLLOWER_APP_USER_ID)));
        await(follows.createIndex(Indexes.ascending(FOLLOWER_MEMBER_ID, OWNER_APP_USER_ID)));
        await(friends.createIndex(Indexes.ascending(MEMBER_ID, FRIEND_APP_USER_ID)));
        await(friends.createIndex(Indexes.ascending(FRIEND_MEMBER_ID)));
    }
}
