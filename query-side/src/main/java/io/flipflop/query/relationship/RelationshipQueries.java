package io.flipflop.query.relationship;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;
import static io.flipflop.query.relationship.RelationshipDocuments.ACTIVE;
import static io.flipflop.query.relationship.RelationshipDocuments.APP_ID;
import static io.flipflop.query.relationship.RelationshipDocuments.FOLLOWER_APP_USER_ID;
import static io.flipflop.query.relationship.RelationshipDocuments.FOLLOWER_MEMBER_ID;
import static io.flipflop.query.relationship.RelationshipDocuments.FRIEND_APP_USER_ID;
import static io.flipflop.query.relationship.RelationshipDocuments.FRIEND_MEMBER_ID;
import static io.flipflop.query.relationship.RelationshipDocuments.MEMBER_DELETED;
import static io.flipflop.query.relationship.RelationshipDocuments.MEMBER_ID;
import static io.flipflop.query.relationship.RelationshipDocuments.OWNER_APP_USER_ID;
import static io.flipflop.query.relationship.RelationshipDocuments.OWNER_MEMBER_ID;
import static io.flipflop.query.relationship.RelationshipDocuments.key;

import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.app.AppRef;
import io.flipflop.api.member.MemberView;
import io.flipflop.api.paging.PageResponse;
import io.flipflop.query.member.MemberQueries;
import io.flipflop.query.paging.Paging;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads of the relationship read models: the access policy's questions as {@code _id} lookups, and the App API
 * listings of a member's followings, followers and friends as pages of members, ordered by appUserId. Every
 * read is scoped to one app.
 */
@Component
public class RelationshipQueries {

    private final MongoCollection<Document> follows;
    private final MongoCollection<Document> friends;
    private final MemberQueries members;

    public RelationshipQueries(MongoDatabase database, MemberQueries members) {
        this.follows = database.getCollection(RelationshipDocuments.FOLLOWS);
        this.friends = database.getCollection(RelationshipDocuments.FRIENDS);
        this.members = members;
    }

    /** Whether {@code viewer} follows {@code owner} and whether {@code owner} counts {@code viewer} a friend. */
    public Mono<KnownRelationships> between(long ownerMemberId, long viewerMemberId) {
        String id = key(ownerMemberId, viewerMemberId);
        return Mono.zip(holds(follows, id), holds(friends, id), (follower, friend) ->
                new KnownRelationships(ownerMemberId, viewerMemberId, follower, friend));
    }

    /** The members that {@code member} follows. */
    public Mono<PageResponse<MemberView>> followings(AppRef app, long member, Paging paging) {
        return page(follows, app, eq(FOLLOWER_MEMBER_ID, member), OWNER_APP_USER_ID, paging);
    }

    /** The members that follow {@code member}. */
    public Mono<PageResponse<MemberView>> followers(AppRef app, long member, Paging paging) {
        return page(follows, app, eq(OWNER_MEMBER_ID, member), FOLLOWER_APP_USER_ID, paging);
    }

    /** The members {@code member} counts as friends (its own side of each friendship). */
    public Mono<PageResponse<MemberView>> friends(AppRef app, long member, Paging paging) {
        return page(friends, app, eq(MEMBER_ID, member), FRIEND_APP_USER_ID, paging);
    }

    private static Mono<Boolean> holds(MongoCollection<Document> relationships, String id) {
        return Mono.from(relationships.find(eq("_id", id)).first())
                .map(RelationshipQueries::holds)
                .defaultIfEmpty(false);
    }

    private static boolean holds(Document relationship) {
        return relationship.getBoolean(ACTIVE) && !relationship.getBoolean(MEMBER_DELETED, false);
    }

    /**
     * Relationships with a deleted member are left out before paging, so pages and totals agree. The other member
     * is shown as the members read model has it now; should that model lag behind (a member registered a
     * moment ago), the page is one member short rather than wrong.
     */
    private Mono<PageResponse<MemberView>> page(MongoCollection<Document> relationships, AppRef app, Bson ofMember,
                                                String otherAppUserId, Paging paging) {
        Bson filter = and(eq(APP_ID, app.id()), ofMember, eq(ACTIVE, true), ne(MEMBER_DELETED, true));
        Mono<List<MemberView>> content = Flux.from(relationships.find(filter)
                        .sort(Sorts.ascending(otherAppUserId, "_id"))
                        .skip((int) Math.min(paging.offset(), Integer.MAX_VALUE))
                        .limit(paging.size()))
                .flatMapSequential(relationship -> members.find(app, relationship.getString(otherAppUserId)))
                .collectList();
        Mono<Long> total = Mono.from(relationships.countDocuments(filter));
        return Mono.zip(content, total, paging::toResponse);
    }
}
