package io.flipflop.query.member;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.regex;
import static io.flipflop.query.member.MemberDocuments.ACTIVE;
import static io.flipflop.query.member.MemberDocuments.APP_ID;
import static io.flipflop.query.member.MemberDocuments.APP_USER_NAME;
import static io.flipflop.query.member.MemberDocuments.MEMBER_ID;
import static io.flipflop.query.member.MemberDocuments.STATE;
import static io.flipflop.query.member.MemberDocuments.key;

import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.app.AppRef;
import io.flipflop.api.member.MemberView;
import io.flipflop.api.paging.PageResponse;
import io.flipflop.api.videoroom.MemberRef;
import io.flipflop.query.app.AppQueries;
import io.flipflop.query.paging.Paging;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads of the {@value MemberDocuments#COLLECTION} read model. Every read is scoped to one app: the app's id
 * is part of the key of single-member reads and a filter of the listing, so an app never sees another app's
 * members. Deleted members are absent from every read.
 */
@Component
public class MemberQueries {

    private final MongoCollection<Document> members;
    private final AppQueries apps;

    public MemberQueries(MongoDatabase database, AppQueries apps) {
        this.members = database.getCollection(MemberDocuments.COLLECTION);
        this.apps = apps;
    }

    /** The app's member with that appUserId, shown as nested in {@code app}. */
    /**
     * The owner nested in a room or post, as this model has it now. A room or post outlives a deleted owner, and
     * clients fail without a {@code member}, so an owner not (or not yet) in this model is nested with what the
     * resource itself knows.
     */
    public Mono<MemberRef> owner(long appId, long memberId, String appUserId) {
        return find(new AppRef(appId, ACTIVE, null), appUserId)
                .filter(member -> member.id() == memberId)
                .map(member -> new MemberRef(member.id(), member.state(), member.appUserId(), member.appUserName(),
                        member.appUserProfileImgUrl(), member.customType()))
                .defaultIfEmpty(new MemberRef(memberId, "DELETED", appUserId, null, null, null));
    }

    public Mono<MemberView> find(AppRef app, String appUserId) {
        return byKey(key(app.id(), appUserId))
                .map(member -> MemberDocuments.toView(member, app));
    }

    /**
     * The member a token was issued to. The member id must match too: a token of a deleted member must not
     * show a later member that reuses its appUserId.
     */
    public Mono<MemberView> self(long appId, long memberId, String appUserId) {
        return byKey(key(appId, appUserId))
                .filter(member -> member.getLong(MEMBER_ID) == memberId)
                .flatMap(member -> apps.ref(appId).map(app -> MemberDocuments.toView(member, app)));
    }

    /**
     * One page of the app's members. {@code appUserId} matches exactly; {@code appUserName} matches any part
     * of the name, ignoring case, as a SQL {@code LIKE} under the usual case-insensitive collation does.
     */
    public Mono<PageResponse<MemberView>> list(AppRef app, String appUserId, String appUserName, MemberSort sort,
                                               Paging paging) {
        List<Bson> conditions = new ArrayList<>(List.of(eq(APP_ID, app.id()), eq(STATE, ACTIVE)));
        if (appUserId != null && !appUserId.isEmpty()) {
            conditions.add(eq("_id", key(app.id(), appUserId)));
        }
        if (appUserName != null && !appUserName.isEmpty()) {
            conditions.add(regex(APP_USER_NAME, Pattern.compile(Pattern.quote(appUserName), Pattern.CASE_INSENSITIVE)));
        }
        Bson filter = and(conditions);
        Mono<List<MemberView>> content = Flux.from(members.find(filter)
                        .sort(sort.toBson())
                        .skip((int) Math.min(paging.offset(), Integer.MAX_VALUE)) // a page past any listing
                        .limit(paging.size()))
                .map(member -> MemberDocuments.toView(member, app))
                .collectList();
        Mono<Long> total = Mono.from(members.countDocuments(filter));
        return Mono.zip(content, total, paging::toResponse);
    }

    private Mono<Document> byKey(String key) {
        return Mono.from(members.find(eq("_id", key)).first())
                .filter(member -> ACTIVE.equals(member.getString(STATE)));
    }
}
