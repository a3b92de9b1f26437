package io.flipflop.platform.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoServerException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/** Tells Axon that a write lost on a unique key, so it raises its concurrency exceptions instead of a store error. */
final class DuplicateKeyResolver implements PersistenceExceptionResolver {

    static final int DUPLICATE_KEY = 11000;

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        if (exception instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteErrors().stream().anyMatch(error -> error.getCode() == DUPLICATE_KEY);
        }
        return exception instanceof MongoServerException server
                && ErrorCategory.fromErrorCode(server.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
