package io.flipflop.platform.ids;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.stereotype.Component;

import static com.mongodb.client.model.Filters.eq;

/**
 * FlipFlop's resources have integer ids (reference §2.1). One sequence serves every kind of resource, so an
 * id is unique across apps, members, stream keys and rooms and can be an Axon aggregate identifier as is.
 * Ids are reserved from MongoDB in blocks, so command nodes stay stateless and a creation costs no round trip
 * in the common case; a block lost in a restart only leaves a hole in the numbering.
 */
@Component
public class IdGenerator {

    private static final int BLOCK = 100;

    private final MongoCollection<Document> counters;
    private long next;
    private long limit;

    public IdGenerator(MongoDatabase database) {
        this.counters = database.getCollection("counters");
    }

    public synchronized long nextId() {
        if (next == limit) {
            Document counter = counters.findOneAndUpdate(eq("_id", "resource-ids"), Updates.inc("value", (long) BLOCK),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            limit = counter.getLong("value") + 1;
            next = limit - BLOCK;
        }
        return next++;
    }
}
