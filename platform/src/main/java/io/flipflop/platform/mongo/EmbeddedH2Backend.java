package io.flipflop.platform.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.EmbeddedH2Database;
import org.h2.mvstore.MVStore;

/** mongo-java-server's H2 backend whose databases compare index keys through {@link IndexKeyType}. */
final class EmbeddedH2Backend extends H2Backend {

    EmbeddedH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new EmbeddedH2Database(databaseName, getMvStore(), getCursorRegistry());
    }
}
