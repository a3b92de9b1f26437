package io.flipflop.query.transcoding;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.nin;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;
import static io.flipflop.query.transcoding.TranscodingProfileDocuments.ACTIVE;
import static io.flipflop.query.transcoding.TranscodingProfileDocuments.APP_ID;
import static io.flipflop.query.transcoding.TranscodingProfileDocuments.CREATOR_TYPE;
import static io.flipflop.query.transcoding.TranscodingProfileDocuments.NAME;
import static io.flipflop.query.transcoding.TranscodingProfileDocuments.STATE;
import static io.flipflop.query.transcoding.TranscodingProfileDocuments.TYPE;

import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.app.AppRef;
import io.flipflop.api.paging.PageResponse;
import io.flipflop.api.transcoding.ProfileCreatorType;
import io.flipflop.api.transcoding.RepresentativeType;
import io.flipflop.api.transcoding.SystemTranscodingProfiles;
import io.flipflop.api.transcoding.TranscodingProfileType;
import io.flipflop.api.transcoding.TranscodingProfileView;
import io.flipflop.query.paging.Paging;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads of the {@value TranscodingProfileDocuments#COLLECTION} read model for one app: the SYSTEM profiles and the
 * app's own ACTIVE ones, each DEFAULT or NON_DEFAULT as the app sees it. Another app's profile is as absent as a
 * missing or deleted one.
 */
@Component
public class TranscodingProfileQueries {

    private final MongoCollection<Document> profiles;
    private final MongoCollection<Document> appDefaults;
    private final TranscodingProfileDocuments documents;

    public TranscodingProfileQueries(MongoDatabase database, TranscodingProfileDocuments documents) {
        this.profiles = database.getCollection(TranscodingProfileDocuments.COLLECTION);
        this.appDefaults = database.getCollection(TranscodingProfileDocuments.APP_DEFAULTS);
        this.documents = documents;
    }

    public Mono<TranscodingProfileView> ofApp(AppRef app, long profileId) {
        return defaults(app.id()).flatMap(defaults -> Mono.from(profiles.find(and(eq("_id", profileId),
                        visibleTo(app.id()))).first())
                .map(profile -> documents.toView(profile, app, defaults)));
    }

    public Mono<PageResponse<TranscodingProfileView>> list(AppRef app, TranscodingProfileFilter filter,
                                                           TranscodingProfileSort sort, Paging paging) {
        return defaults(app.id()).flatMap(defaults -> {
            Bson condition = and(conditions(app.id(), filter, defaults));
            Mono<List<TranscodingProfileView>> content = Flux.from(profiles.find(condition)
                            .sort(sort.toBson())
                            .skip((int) Math.min(paging.offset(), Integer.MAX_VALUE))
                            .limit(paging.size()))
                    .map(profile -> documents.toView(profile, app, defaults))
                    .collectList();
            Mono<Long> total = Mono.from(profiles.countDocuments(condition));
            return Mono.zip(content, total, paging::toResponse);
        });
    }

    /**
     * The ids of the profiles that are DEFAULT for the app: per type its own choice (kept only while that profile is
     * ACTIVE), else the SYSTEM default of the type.
     */
    private Mono<Set<Long>> defaults(long appId) {
        return Mono.from(appDefaults.find(eq("_id", appId)).first()).defaultIfEmpty(new Document())
                .map(chosen -> {
                    Set<Long> ids = new HashSet<>();
                    for (TranscodingProfileType type : TranscodingProfileType.values()) {
                        Number own = chosen.get(type.name(), Number.class);
                        if (own != null) {
                            ids.add(own.longValue());
                        } else {
                            SystemTranscodingProfiles.ALL.stream()
                                    .filter(system -> system.type() == type && system.representative())
                                    .forEach(system -> ids.add(system.id()));
                        }
                    }
                    return ids;
                });
    }

    private static Bson visibleTo(long appId) {
        return and(or(eq(CREATOR_TYPE, ProfileCreatorType.SYSTEM.name()), eq(APP_ID, appId)), eq(STATE, ACTIVE));
    }

    private static List<Bson> conditions(long appId, TranscodingProfileFilter filter, Set<Long> defaults) {
        List<Bson> conditions = new ArrayList<>(List.of(visibleTo(appId)));
        if (filter.type() != null) {
            conditions.add(eq(TYPE, filter.type().name()));
        }
        if (filter.creatorType() != null) {
            conditions.add(eq(CREATOR_TYPE, filter.creatorType().name()));
        }
        if (filter.representativeType() == RepresentativeType.DEFAULT) {
            conditions.add(in("_id", defaults));
        } else if (filter.representativeType() == RepresentativeType.NON_DEFAULT) {
            conditions.add(nin("_id", defaults));
        }
        if (filter.name() != null) {
            conditions.add(regex(NAME, Pattern.compile(Pattern.quote(filter.name()), Pattern.CASE_INSENSITIVE)));
        }
        return conditions;
    }
}
