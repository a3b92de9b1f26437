package io.flipflop.query.member;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static io.flipflop.query.member.MemberDocuments.ACTIVE;
import static io.flipflop.query.member.MemberDocuments.APP_ID;
import static io.flipflop.query.member.MemberDocuments.APP_USER_ID;
import static io.flipflop.query.member.MemberDocuments.APP_USER_NAME;
import static io.flipflop.query.member.MemberDocuments.APP_USER_PROFILE_IMG_URL;
import static io.flipflop.query.member.MemberDocuments.CREATED_AT;
import static io.flipflop.query.member.MemberDocuments.CUSTOM_DATA;
import static io.flipflop.query.member.MemberDocuments.CUSTOM_TYPE;
import static io.flipflop.query.member.MemberDocuments.DELETED;
import static io.flipflop.query.member.MemberDocuments.EMAIL;
import static io.flipflop.query.member.MemberDocuments.GUEST;
import static io.flipflop.query.member.MemberDocuments.KEY;
import static io.flipflop.query.member.MemberDocuments.LAST_MODIFIED_AT;
import static io.flipflop.query.member.MemberDocuments.MEMBER_ID;
import static io.flipflop.query.member.MemberDocuments.STATE;
import static io.flipflop.query.member.MemberDocuments.STREAM_KEY_ID;
import static io.flipflop.query.member.MemberDocuments.key;
import static io.flipflop.query.readmodel.ReadModelWrites.VERSION;
import static io.flipflop.query.readmodel.ReadModelWrites.await;
import static io.flipflop.query.readmodel.ReadModelWrites.awaitUnlessStale;
import static io.flipflop.query.readmodel.ReadModelWrites.queue;

import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.member.MemberDeleted;
import io.flipflop.api.member.MemberProfile;
import io.flipflop.api.member.MemberProfileUpdated;
import io.flipflop.api.member.MemberRegistered;
import io.flipflop.query.readmodel.UnchangingLookup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the {@value MemberDocuments#COLLECTION} read model in step with the Member events.
 *
 * <p>A member document takes only the events of the member it holds, each once and in order ({@code version}
 * is the member's last applied sequence number). An appUserId can outlive its member: after a deletion, the
 * command side may register a new member under the same appUserId. The newer registration then takes the
 * document over, and events of the earlier member that arrive late (from another processor segment) are
 * ignored, so the result does not depend on which segment runs first.
 */
@Component
@ProcessingGroup(MemberViewProjection.PROCESSING_GROUP)
public class MemberViewProjection {

    public static final String PROCESSING_GROUP = "members";

    private final MongoCollection<Document> members;
    private final MongoCollection<Document> keys;
    /** A member's document key, written once with the member. */
    private final UnchangingLookup<String> memberKeys;

    public MemberViewProjection(MongoDatabase database) {
        this.members = database.getCollection(MemberDocuments.COLLECTION);
        this.keys = database.getCollection(MemberDocuments.KEYS_COLLECTION);
        this.memberKeys = new UnchangingLookup<>(memberId -> Mono.from(keys.find(eq("_id", memberId)).first())
                .map(found -> found.getString(KEY)));
        createIndexes();
    }

    @EventHandler
    public void on(MemberRegistered event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        String key = key(event.appId(), event.appUserId());
        await(keys.updateOne(eq("_id", event.memberId()), set(KEY, key), new UpdateOptions().upsert(true)));
        memberKeys.remember(event.memberId(), key);
        Date at = Date.from(timestamp);
        Bson thisMemberOlder = and(eq(MEMBER_ID, event.memberId()), lt(VERSION, sequence));
        Bson earlierMember = and(ne(MEMBER_ID, event.memberId()), lt(CREATED_AT, at));
        List<Bson> fields = new ArrayList<>(List.of(set(MEMBER_ID, event.memberId()), set(APP_ID, event.appId()),
                set(APP_USER_ID, event.appUserId()), set(GUEST, event.guest()), set(STATE, ACTIVE),
                set(STREAM_KEY_ID, event.streamKeyId()), set(CREATED_AT, at), set(LAST_MODIFIED_AT, at),
                set(VERSION, sequence)));
        fields.addAll(profile(event.profile()));
        awaitUnlessStale(members.updateOne(and(eq("_id", key), or(thisMemberOlder, earlierMember)),
                combine(fields), new UpdateOptions().upsert(true)));
    }

    @EventHandler
    public void on(MemberProfileUpdated event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        List<Bson> fields = new ArrayList<>(profile(event.profile()));
        fields.add(set(LAST_MODIFIED_AT, Date.from(timestamp)));
        fields.add(set(VERSION, sequence));
        memberKeys.get(event.memberId()).ifPresent(key -> queue(members, key,
                ofThisMemberOlderThan(key, event.memberId(), sequence), fields, false));
    }

    /** The document stays, marked DELETED: reads hide it, and a replay or late event still finds its version. */
    @EventHandler
    public void on(MemberDeleted event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        String key = key(event.appId(), event.appUserId());
        await(members.updateOne(ofThisMemberOlderThan(key, event.memberId(), sequence),
                combine(set(STATE, DELETED), set(LAST_MODIFIED_AT, Date.from(timestamp)), set(VERSION, sequence))));
    }

    /** A replay starts from empty collections, so what it builds depends on the events alone. */
    @ResetHandler
    public void reset() {
        await(members.drop());
        await(keys.drop());
        memberKeys.forgetAll();
        createIndexes();
    }

    private static Bson ofThisMemberOlderThan(String key, long memberId, long sequence) {
        return and(eq("_id", key), eq(MEMBER_ID, memberId), lt(VERSION, sequence));
    }

    /** Every profile field is written, null included: the events carry the whole profile after the change. */
    private static List<Bson> profile(MemberProfile profile) {
        return List.of(set(APP_USER_NAME, profile.appUserName()),
                set(APP_USER_PROFILE_IMG_URL, profile.appUserProfileImgUrl()), set(EMAIL, profile.email()),
                set(CUSTOM_TYPE, profile.customType()), set(CUSTOM_DATA, profile.customData()));
    }

    /**
     * The listing filters on app and state and sorts by one field; these serve it on a real MongoDB. The
     * embedded server ignores secondary indexes and scans (STACK-FACTS), which the listing can afford.
     */
    private void createIndexes() {
        Arrays.stream(MemberSort.values()).map(MemberSort::field).distinct()
                .forEach(field -> await(members.createIndex(Indexes.ascending(APP_ID, STATE, field, "_id"))));
    }
}
