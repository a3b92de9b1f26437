package io.flipflop.platform.mongo;

/**
 * The MongoDB the drivers connect to, and the embedded server behind it when there is one (it is stopped
 * with the application context, after the clients that use it).
 */
public record MongoEndpoint(String uri, EmbeddedMongoServer embeddedServer) implements AutoCloseable {

    public boolean embedded() {
        return embeddedServer != null;
    }

    @Override
    public void close() {
        if (embeddedServer != null) {
            embeddedServer.close();
        }
    }
}
