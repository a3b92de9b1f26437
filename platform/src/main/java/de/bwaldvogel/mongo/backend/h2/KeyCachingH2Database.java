package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import io.flipflop.platform.mongo.IndexKeyType;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 database with its unique indexes opened on {@link IndexKeyType}. In this package only
 * because {@link H2UniqueIndex}'s constructor is package-private; the map names are {@link H2Database}'s.
 */
public class KeyCachingH2Database extends H2Database {

    /** Null while {@link H2Database}'s constructor runs, which is why the indexes are opened after it. */
    private final MVStore store;

    public KeyCachingH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, store, cursorRegistry);
        this.store = store;
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
}
