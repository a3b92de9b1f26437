package io.flipflop.query.transcoding;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;
import static io.flipflop.query.transcoding.TranscodingProfileDocuments.ACTIVE;
import static io.flipflop.query.transcoding.TranscodingProfileDocuments.APP_ID;
import static io.flipflop.query.transcoding.TranscodingProfileDocuments.CREATOR_TYPE;
import static io.flipflop.query.transcoding.TranscodingProfileDocuments.NAME;
import static io.flipflop.query.transcoding.TranscodingProfileDocuments.REPRESENTATIVE_TYPE;
import static io.flipflop.query.transcoding.TranscodingProfileDocuments.STATE;
import static io.flipflop.query.transcoding.TranscodingProfileDocuments.TYPE;

import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.app.AppRef;
import io.flipflop.api.paging.PageResponse;
import io.flipflop.api.transcoding.ProfileCreatorType;
import io.flipflop.api.transcoding.TranscodingProfileView;
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
 * Reads of the {@value TranscodingProfileDocuments#COLLECTION} read model for one app: the SYSTEM profiles and the
 * app's own ACTIVE ones. Another app's profile is as absent as a missing or deleted one.
 */
@Component
public class TranscodingProfileQueries {

    private final MongoCollection<Document> profiles;
    private final TranscodingProfileDocuments documents;

    public TranscodingProfileQueries(MongoDatabase database, TranscodingProfileDocuments documents) {
        this.profiles = database.getCollection(TranscodingProfileDocuments.COLLECTION);
        this.documents = documents;
    }

    public Mono<TranscodingProfileView> ofApp(AppRef app, long profileId) {
        return Mono.from(profiles.find(and(eq("_id", profileId), visibleTo(app.id()))).first())
                .map(profile -> documents.toView(profile, app));
    }

    public Mono<PageResponse<TranscodingProfileView>> list(AppRef app, TranscodingProfileFilter filter,
                                                           TranscodingProfileSort sort, Paging paging) {
        Bson condition = and(conditions(app.id(), filter));
        Mono<List<TranscodingProfileView>> content = Flux.from(profiles.find(condition)
                        .sort(sort.toBson())
                        .skip((int) Math.min(paging.offset(), Integer.MAX_VALUE))
                        .limit(paging.size()))
                .map(profile -> documents.toView(profile, app))
                .collectList();
        Mono<Long> total = Mono.from(profiles.countDocuments(condition));
        return Mono.zip(content, total, paging::toResponse);
    }

    private static Bson visibleTo(long appId) {
        return and(or(eq(CREATOR_TYPE, ProfileCreatorType.SYSTEM.name()), eq(APP_ID, appId)), eq(STATE, ACTIVE));
    }

    private static List<Bson> conditions(long appId, TranscodingProfileFilter filter) {
        List<Bson> conditions = new ArrayList<>(List.of(visibleTo(appId)));
        if (filter.type() != null) {
            conditions.add(eq(TYPE, filter.type().name()));
        }
        if (filter.creatorType() != null) {
            conditions.add(eq(CREATOR_TYPE, filter.creatorType().name()));
        }
        if (filter.representativeType() != null) {
            conditions.add(eq(REPRESENTATIVE_TYPE, filter.representativeType().name()));
        }
        if (filter.name() != null) {
            conditions.add(regex(NAME, Pattern.compile(Pattern.quote(filter.name()), Pattern.CASE_INSENSITIVE)));
        }
        return conditions;
    }
}
