package io.flipflop.query.videopost;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.regex;
import static io.flipflop.query.videopost.VideoPostDocuments.ACCESS_LEVEL;
import static io.flipflop.query.videopost.VideoPostDocuments.ACTIVE;
import static io.flipflop.query.videopost.VideoPostDocuments.APP_ID;
import static io.flipflop.query.videopost.VideoPostDocuments.APP_USER_ID;
import static io.flipflop.query.videopost.VideoPostDocuments.MEMBER_ID;
import static io.flipflop.query.videopost.VideoPostDocuments.STATE;
import static io.flipflop.query.videopost.VideoPostDocuments.TITLE;
import static io.flipflop.query.videopost.VideoPostDocuments.VIDEO_POST_STATE;

import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.app.AppRef;
import io.flipflop.api.paging.PageResponse;
import io.flipflop.api.videopost.VideoPostView;
import io.flipflop.query.member.MemberQueries;
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
 * Reads of the {@value VideoPostDocuments#COLLECTION} read model, always scoped to one app: a post of another app
 * is as absent as a missing or deleted one.
 */
@Component
public class VideoPostQueries {

    private final MongoCollection<Document> posts;
    private final MemberQueries members;

    public VideoPostQueries(MongoDatabase database, MemberQueries members) {
        this.posts = database.getCollection(VideoPostDocuments.COLLECTION);
        this.members = members;
    }

    public Mono<VideoPostView> ofApp(AppRef app, long videoPostId) {
        return Mono.from(posts.find(eq("_id", videoPostId)).first())
                .filter(post -> ACTIVE.equals(post.getString(STATE)) && post.getLong(APP_ID) == app.id())
                .flatMap(post -> view(post, app));
    }

    public Mono<PageResponse<VideoPostView>> list(AppRef app, VideoPostFilter filter, VideoPostSort sort,
                                                  Paging paging) {
        Bson condition = and(conditions(app.id(), filter));
        Mono<List<VideoPostView>> content = Flux.from(posts.find(condition)
                        .sort(sort.toBson())
                        .skip((int) Math.min(paging.offset(), Integer.MAX_VALUE))
                        .limit(paging.size()))
                .flatMapSequential(post -> view(post, app))
                .collectList();
        Mono<Long> total = Mono.from(posts.countDocuments(condition));
        return Mono.zip(content, total, paging::toResponse);
    }

    private static List<Bson> conditions(long appId, VideoPostFilter filter) {
        List<Bson> conditions = new ArrayList<>(List.of(eq(APP_ID, appId), eq(STATE, ACTIVE)));
        if (filter.memberId() != null) {
            conditions.add(eq(MEMBER_ID, filter.memberId()));
        }
        if (filter.appUserId() != null) {
            conditions.add(eq(APP_USER_ID, filter.appUserId()));
        }
        if (filter.videoPostState() != null) {
            conditions.add(eq(VIDEO_POST_STATE, filter.videoPostState().name()));
        }
        if (filter.accessLevel() != null) {
            conditions.add(eq(ACCESS_LEVEL, filter.accessLevel().name()));
        }
        if (filter.keyword() != null) {
            conditions.add(regex(TITLE, Pattern.compile(Pattern.quote(filter.keyword()), Pattern.CASE_INSENSITIVE)));
        }
        return conditions;
    }

    private Mono<VideoPostView> view(Document post, AppRef app) {
        return members.owner(post.getLong(APP_ID), post.getLong(MEMBER_ID), post.getString(APP_USER_ID))
                .map(member -> VideoPostDocuments.toView(post, app, member));
    }
}
