package io.flipflop.query.usage;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static io.flipflop.query.usage.UsageDocuments.APP_ID;
import static io.flipflop.query.usage.UsageDocuments.BYTES;
import static io.flipflop.query.usage.UsageDocuments.DELIVERED_BYTES;
import static io.flipflop.query.usage.UsageDocuments.DELIVERED_MILLIS;
import static io.flipflop.query.usage.UsageDocuments.INGEST_MILLIS;
import static io.flipflop.query.usage.UsageDocuments.PEAK_VIEWERS;
import static io.flipflop.query.usage.UsageDocuments.SINCE;
import static io.flipflop.query.usage.UsageDocuments.STORAGE;
import static io.flipflop.query.usage.UsageDocuments.VIDEO_ROOM_ID;

import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.usage.UsageBucket;
import io.flipflop.api.usage.UsageFigures;
import io.flipflop.api.usage.UsageReport;
import io.flipflop.platform.error.ApiException;
import io.flipflop.query.usage.UsageDocuments.Scope;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Usage reports from the hour documents of {@link UsageProjection}, plus the ingests still running, counted up
 * to now. Days are UTC days: the sum of their hours, their peak the highest hourly peak, their storage the last
 * hour's.
 */
@Component
public class UsageQueries {

    /** Hour ids per {@code $in}: a year of hours is 9 round trips. */
    private static final int IDS_PER_QUERY = 1000;

    private final MongoCollection<Document> hours;
    private final MongoCollection<Document> keys;
    private final MongoCollection<Document> rooms;

    public UsageQueries(MongoDatabase database) {
        this.hours = database.getCollection(UsageDocuments.HOURS);
        this.keys = database.getCollection(UsageDocuments.STREAM_KEYS);
        this.rooms = database.getCollection(UsageDocuments.ROOMS);
    }

    /**
     * The app's usage; with a room or a stream key, only what was counted for it, and 404 when it is not one
     * of the app's.
     */
    public Mono<UsageReport> report(long appId, Long videoRoomId, Long streamKeyId, UsageRange range, Instant now) {
        if (videoRoomId != null && streamKeyId != null) {
            return Mono.error(ApiException.badRequest("INVALID_USAGE_SCOPE",
                    "Give videoRoomId or streamKeyId, not both"));
        }
        if (videoRoomId != null) {
            return ofApp(rooms, videoRoomId, appId)
                    .switchIfEmpty(Mono.error(() -> ApiException.notFound("VIDEO_ROOM_NOT_FOUND",
                            "No video room " + videoRoomId)))
                    .flatMap(room -> report(appId, Scope.ROOM, videoRoomId, eq(VIDEO_ROOM_ID, videoRoomId), range,
                            now));
        }
        if (streamKeyId != null) {
            return ofApp(keys, streamKeyId, appId)
                    .switchIfEmpty(Mono.error(() -> ApiException.notFound("STREAM_KEY_NOT_FOUND",
                            "No stream key " + streamKeyId)))
                    .flatMap(key -> report(appId, Scope.KEY, streamKeyId, eq("_id", streamKeyId), range, now));
        }
        return report(appId, Scope.APP, appId, null, range, now);
    }

    private Mono<UsageReport> report(long appId, Scope scope, long ownerId, Bson runningFilter, UsageRange range,
                                     Instant now) {
        Instant firstHour = range.from().truncatedTo(ChronoUnit.HOURS);
        List<String> ids = new ArrayList<>();
        for (Instant hour = firstHour; hour.isBefore(range.to()); hour = hour.plus(1, ChronoUnit.HOURS)) {
            ids.add(UsageDocuments.hourId(scope, ownerId, hour));
        }
        Flux<Document> stored = Flux.fromIterable(ids).buffer(IDS_PER_QUERY)
                .concatMap(batch -> Flux.from(hours.find(in("_id", batch))));
        List<Bson> running = new ArrayList<>(List.of(eq(APP_ID, appId), ne(SINCE, null)));
        if (runningFilter != null) {
            running.add(runningFilter);
        }
        Flux<Document> ingesting = Flux.from(keys.find(and(running)));
        Instant until = now.isBefore(range.to()) ? now : range.to();
        return stored.collectList().zipWith(ingesting.collectList(), (documents, runs) -> {
            Map<Instant, Hour> byHour = new TreeMap<>();
            for (Document document : documents) {
                Instant hour = document.getDate(UsageDocuments.START).toInstant();
                byHour.put(hour, Hour.of(document));
            }
            for (Document run : runs) {
                Instant since = run.getDate(SINCE).toInstant();
                Instant from = since.isAfter(firstHour) ? since : firstHour;
                HourSlice.of(from, until).forEach(slice -> byHour.merge(slice.hour(),
                        new Hour(slice.millis(), 0, 0, 0, null), Hour::plus));
            }
            return toReport(appId, range, byHour);
        });
    }

    private static UsageReport toReport(long appId, UsageRange range, Map<Instant, Hour> byHour) {
        Map<Instant, Hour> buckets = new TreeMap<>();
        byHour.forEach((hour, figures) -> buckets.merge(range.granularity() == UsageRange.Granularity.HOUR ? hour
                : hour.truncatedTo(ChronoUnit.DAYS), figures, Hour::plus));
        List<UsageBucket> shown = new ArrayList<>();
        Hour total = Hour.NONE;
        for (Map.Entry<Instant, Hour> bucket : buckets.entrySet()) {
            Hour figures = bucket.getValue();
            if (figures.isEmpty()) {
                continue;
            }
            shown.add(new UsageBucket(bucket.getKey(), seconds(figures.ingestMillis), seconds(figures.deliveredMillis),
                    figures.deliveredBytes, figures.storageOrZero(), figures.peakViewers));
            total = total.plus(figures);
        }
        UsageFigures totals = new UsageFigures(seconds(total.ingestMillis), seconds(total.deliveredMillis),
                total.deliveredBytes, total.storageOrZero(), total.peakViewers);
        return new UsageReport(appId, range.from(), range.to(), range.granularityName(), shown, totals);
    }

    private static Mono<Document> ofApp(MongoCollection<Document> owners, long id, long appId) {
        return Mono.from(owners.find(eq("_id", id)).first())
                .filter(owner -> owner.get(APP_ID) instanceof Number app && app.longValue() == appId);
    }

    private static double seconds(long millis) {
        return millis / 1000.0;
    }

    /**
     * Figures of one hour, or of consecutive hours added up in order.
     *
     * @param storageBytes the stored bytes at the end, null when no measurement fell into these hours
     */
    private record Hour(long ingestMillis, long deliveredMillis, long deliveredBytes, int peakViewers,
                        Long storageBytes) {

        static final Hour NONE = new Hour(0, 0, 0, 0, null);

        static Hour of(Document document) {
            Long storage = null;
            if (document.get(STORAGE) instanceof Document volumes) {
                storage = volumes.values().stream().mapToLong(v -> ((Document) v).get(BYTES, Number.class).longValue())
                        .sum();
            }
            return new Hour(number(document, INGEST_MILLIS), number(document, DELIVERED_MILLIS),
                    number(document, DELIVERED_BYTES), (int) number(document, PEAK_VIEWERS), storage);
        }

        /** {@code later} follows this: its storage, when measured, is the newer gauge value. */
        Hour plus(Hour later) {
            return new Hour(ingestMillis + later.ingestMillis, deliveredMillis + later.deliveredMillis,
                    deliveredBytes + later.deliveredBytes, Math.max(peakViewers, later.peakViewers),
                    later.storageBytes != null ? later.storageBytes : storageBytes);
        }

        boolean isEmpty() {
            return ingestMillis == 0 && deliveredMillis == 0 && deliveredBytes == 0 && peakViewers == 0
                    && storageBytes == null;
        }

        long storageOrZero() {
            return storageBytes == null ? 0 : storageBytes;
        }

        private static long number(Document document, String field) {
            return document.get(field) instanceof Number n ? n.longValue() : 0;
        }
    }
}
