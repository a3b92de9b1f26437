package io.flipflop.platform.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Optional;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 collection, but a query that is an {@code $and} of an {@code _id} equality and other
 * conditions reads its one candidate through the {@code _id} index instead of scanning the collection.
 * <p>
 * The server picks an index only for a query whose fields are exactly the index's, so the read models'
 * version-guarded updates ({@code _id} = x and version below n, which the driver sends as an {@code $and}) scanned
 * every document of their collection: 18% of the CPU samples of the platform benchmark, and growing with the
 * read model. The candidate still has to match the whole query, so the answer is the scan's.
 */
public class IdFirstH2Collection extends H2Collection {

    private static final String ID = "_id";

    public IdFirstH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                               MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap,
                               CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document fieldSelector) {
        Optional<Document> byId = idEquality(query).map(id -> new Document(ID, id));
        Optional<Index<Object>> idIndex = byId.flatMap(
                idQuery -> getIndexes().stream().filter(index -> index.canHandle(idQuery)).findFirst());
        if (idIndex.isEmpty()) {
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        Iterable<Object> candidates = idIndex.get().getPositions(byId.get());
        return matchDocuments(query, candidates, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /** The value of a plain {@code _id} equality among the conditions of a top-level {@code $and}, if any. */
    static Optional<Object> idEquality(Document query) {
        if (query.size() != 1 || !(query.get("$and") instanceof List<?> conditions)) {
            return Optional.empty();
        }
        for (Object condition : conditions) {
            if (condition instanceof Document document && document.size() == 1 && document.containsKey(ID)) {
                Object value = document.get(ID);
                if (value != null && !(value instanceof Document) && !(value instanceof List)) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }
}
