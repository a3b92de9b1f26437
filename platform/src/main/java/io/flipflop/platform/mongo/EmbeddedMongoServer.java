package io.flipflop.platform.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process MongoDB-wire server used when no {@code MONGODB_URI} is given. The drivers talk to it over
 * the loopback interface exactly as they would to a real server, so nothing else knows the difference.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    /** H2's page cache grows to a quarter of the heap, but not past this. */
    private static final long MAX_CACHE_MEGABYTES = 1024;

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongoServer(MongoBackend backend, String description) {
        this.server = new MongoServer(backend);
        this.address = server.bind();
        log.info("Embedded MongoDB-wire server ({}) listening on {}", description, connectionString());
    }

    public static EmbeddedMongoServer inMemory() {
        return new EmbeddedMongoServer(new MemoryBackend(), "memory");
    }

    public static EmbeddedMongoServer onDisk(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create data directory " + dataDir.toAbsolutePath(), e);
        }
        Path file = dataDir.resolve("flipflop.mv");
        // H2's default page cache is 16 MB; a replay reads the whole event history, and with the default
        // most pages came from the file again (replay measured 8,400 events/s against 65,000 in memory). At
        // 100,000 events 256 MB no longer held the pages either, and loads read them from the file again
        // (EVENT-STORE.md). The cache only takes what the pages need.
        long quarterOfHeap = Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024);
        int cacheMegabytes = (int) Math.max(16, Math.min(MAX_CACHE_MEGABYTES, quarterOfHeap));
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMegabytes).open();
        return new EmbeddedMongoServer(new EmbeddedH2Backend(store), file.toAbsolutePath().toString());
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
