package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import io.flipflop.platform.mongo.BsonDocumentType;
import io.flipflop.platform.mongo.IdFirstH2Collection;
import io.flipflop.platform.mongo.IndexKeyType;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 database as the embedded server uses it: unique indexes opened on {@link IndexKeyType},
 * documents stored as BSON ({@link BsonDocumentType}), and collections that serve an {@code $and} with an
 * {@code _id} equality from the {@code _id} index ({@link IdFirstH2Collection}). In this package only because
 * {@link H2UniqueIndex}'s constructor is package-private; the map names are {@link H2Database}'s, so a file written
 * by the stock backend opens here (not the other way round once a document has been written here).
 */
public class EmbeddedH2Database extends H2Database {

    /** Null while {@link H2Database}'s constructor runs, which is why the indexes are opened after it. */
    private final MVStore store;
    private final CursorRegistry cursorRegistry;

    public EmbeddedH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, store, cursorRegistry);
        this.store = store;
        this.cursorRegistry = cursorRegistry;
        super.initializeNamespacesAndIndexes();
    }

    @Override
    protected void initializeNamespacesAndIndexes() {
        if (store != null) {
            super.initializeNamespacesAndIndexes();
        }
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        MVMap<KeyValue, Object> map = store.openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE));
        return new H2UniqueIndex(map, indexName, keys, sparse);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> dataMap = store.openMap(DATABASES_PREFIX + namespace,
                new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
        MVMap<String, Object> metaMap = store.openMap("meta." + namespace);
        return new IdFirstH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
    }
}
