package io.flipflop.query.readmodel;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * How projections write read models. Every write is keyed by {@code _id} and guarded by the aggregate sequence
 * number of the last event applied to the document ({@code version}), so a redelivered or replayed event
 * changes nothing and an older event never overwrites a newer one.
 */
public final class ReadModelWrites {

    /** The aggregate sequence number of the last event applied to a read-model document. */
    public static final String VERSION = "version";

    /** A write that outlives this is stuck; failing hands the event back to the processor, which retries. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ReadModelWrites() {
    }

    /**
     * Runs a write on the calling event processor thread. Blocking is right here: handlers run on processor
     * threads, never on the HTTP event loop, and the processor must not advance its token past an event before
     * the event's write is stored.
     */
    public static void await(Publisher<?> write) {
        Mono.from(write).block(TIMEOUT);
    }

    /**
     * Runs an upsert whose filter matches only when the event is newer than the stored document. When the
     * document exists but is as new or newer, the upsert tries to insert a second document with the same
     * {@code _id}; that duplicate key means "already applied" and is ignored.
     */
    public static void awaitUnlessStale(Publisher<?> upsert) {
        Mono.from(upsert)
                .onErrorResume(ReadModelWrites::isDuplicateKey, duplicate -> Mono.empty())
                .block(TIMEOUT);
    }

    /** A date field of a read-model document as an instant; null when unset. */
    public static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static boolean isDuplicateKey(Throwable failure) {
        return failure instanceof MongoWriteException write
                && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
