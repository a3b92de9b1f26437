package io.flipflop.platform.security;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

/**
 * The MongoDB collection that maps an API key to its app, shared by the command side (which keeps it in step
 * with App events, synchronously, so new credentials work as soon as they are shown) and every side that
 * authenticates App API calls. One document per live key:
 * {@code {_id: apiKey, appId: long, name: string, secretHash: hex SHA-256 of the secret}} ({@link Sha256}).
 * A rotated key's document is deleted.
 */
public final class AppCredentialsDirectory {

    public static final String COLLECTION = "app_credentials";
    public static final String APP_ID = "appId";
    public static final String NAME = "name";
    public static final String SECRET_HASH = "secretHash";

    private AppCredentialsDirectory() {
    }

    /** Writes (or overwrites) the document of one key. */
    public static void put(MongoDatabase database, String apiKey, long appId, String name, String secretHash) {
        database.getCollection(COLLECTION).replaceOne(eq("_id", apiKey),
                new Document("_id", apiKey)
                        .append(APP_ID, appId)
                        .append(NAME, name)
                        .append(SECRET_HASH, secretHash),
                new ReplaceOptions().upsert(true));
    }
}
