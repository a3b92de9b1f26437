package io.flipflop.platform.mongo;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. A blank {@code uri} means: start the embedded MongoDB-wire server.
 *
 * @param uri       a MongoDB connection string (production: a replica set), from {@code MONGODB_URI}
 * @param database  the database holding events, tokens and read models
 * @param dataDir   where the embedded server keeps its H2 file
 * @param inMemory  embedded server without a file (tests)
 */
@ConfigurationProperties("flipflop.mongodb")
public record MongoSettings(String uri, String database, Path dataDir, boolean inMemory) {

    public MongoSettings {
        database = database == null || database.isBlank() ? "flipflop" : database;
        dataDir = dataDir == null ? Path.of("data") : dataDir;
    }

    public boolean embedded() {
        return uri == null || uri.isBlank();
    }
}
