package io.flipflop.platform.security;

/**
 * The MongoDB collection that maps an API key to its app, shared by the command side (which keeps it in step
 * with App events, synchronously, so new credentials work as soon as they are shown) and every side that
 * authenticates App API calls. One document per live key:
 * {@code {_id: apiKey, appId: long, name: string, secretHash: hex SHA-256 of the secret}}.
 * A rotated key's document is deleted.
 */
public final class AppCredentialsDirectory {

    public static final String COLLECTION = "app_credentials";
    public static final String APP_ID = "appId";
    public static final String NAME = "name";
    public static final String SECRET_HASH = "secretHash";

    private AppCredentialsDirectory() {
    }
}
