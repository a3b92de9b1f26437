package io.flipflop.media.videopost;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.videopost.VideoPostState;
import io.flipflop.api.videoroom.AccessLevel;
import io.flipflop.media.origin.LiveRooms;
import io.flipflop.platform.access.AccessPolicy;
import io.flipflop.platform.access.ProtectedResource;
import io.flipflop.platform.access.Relationships;
import io.flipflop.platform.access.StreamingTokenViewers;
import io.flipflop.platform.access.Viewer;
import io.flipflop.platform.error.ApiException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.JwtException;
import reactor.core.publisher.Mono;

/**
 * Who may play a post (SPEC §3, §5): the viewer of the {@code ?streamingToken=} (anonymous without one), admitted by
 * {@link AccessPolicy} at the post's access level, once the post is PROCESSED. A post that is missing, deleted, of
 * another app, not admitted or not processed is the same 404; a token that is present but invalid is 401. Reads
 * the query side's {@code video_posts} read model ({@code _id} lookups) and, for FOLLOWER and FRIEND, the
 * relationships the live origin reads.
 */
public class PostPlaybackGate {

    static final String VIDEO_POST_NOT_FOUND = "VIDEO_POST_NOT_FOUND";

    private final StreamingTokenViewers viewers;
    private final MongoCollection<Document> posts;
    private final LiveRooms relationships;

    /**
     * @param shared a response any cache may keep: a PUBLIC post, whose bytes do not depend on a token
     * @param appId  the post's app, which its playback is metered for
     * @param viewer who plays, for usage metering's viewer sessions
     */
    public record Playback(long videoPostId, boolean shared, long appId, Viewer viewer) {
    }

    public PostPlaybackGate(StreamingTokenViewers viewers, MongoDatabase database, LiveRooms relationships) {
        this.viewers = viewers;
        this.posts = database.getCollection("video_posts");
        this.relationships = relationships;
    }

    public Mono<Playback> admit(long videoPostId, String streamingToken) {
        return admit(videoPostId, streamingToken, true);
    }

    /**
     * As {@link #admit(long, String)} for the post's thumbnail and preview, in any state: an uploaded one exists
     * before (and without) transcoding.
     */
    public Mono<Playback> admitPictures(long videoPostId, String streamingToken) {
        return admit(videoPostId, streamingToken, false);
    }

    private Mono<Playback> admit(long videoPostId, String streamingToken, boolean processedOnly) {
        return viewers.viewerOf(streamingToken)
                .onErrorMap(JwtException.class, e -> new ApiException(HttpStatus.UNAUTHORIZED,
                        "INVALID_STREAMING_TOKEN", "The streaming token is invalid or expired"))
                .flatMap(viewer -> Mono.from(posts.find(eq("_id", videoPostId)).first())
                        .filter(post -> "ACTIVE".equals(post.getString("state")) && (!processedOnly
                                || VideoPostState.PROCESSED.name().equals(post.getString("videoPostState"))))
                        .flatMap(post -> {
                            ProtectedResource resource = new ProtectedResource(post.getLong("appId"),
                                    post.getLong("memberId"), AccessLevel.valueOf(post.getString("accessLevel")),
                                    allowlist(post));
                            return relationshipsFor(viewer, resource)
                                    .filter(known -> AccessPolicy.mayView(viewer, resource, known))
                                    .map(admitted -> new Playback(videoPostId,
                                            resource.accessLevel() == AccessLevel.PUBLIC, resource.appId(), viewer));
                        }))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound(VIDEO_POST_NOT_FOUND,
                        "No playable video post " + videoPostId)));
    }

    private Mono<Relationships> relationshipsFor(Viewer viewer, ProtectedResource resource) {
        boolean needed = (resource.accessLevel() == AccessLevel.FOLLOWER || resource.accessLevel() == AccessLevel.FRIEND)
                && viewer instanceof Viewer.Member member && member.appId() == resource.appId();
        return needed ? relationships.between(resource.ownerMemberId(), ((Viewer.Member) viewer).memberId())
                : Mono.just(Relationships.NONE);
    }

    private static Set<Long> allowlist(Document post) {
        Set<Long> allowlist = new HashSet<>();
        post.getList("allowlist", Number.class, List.of()).forEach(id -> allowlist.add(id.longValue()));
        return allowlist;
    }
}
