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

    /**
     * The on-disk server's network threads: enough that each connection has one of its own, as a mongod serves each
     * connection on a thread of its own. A thread serves its connections' requests one after another, and the
     * server's default is two per core: on two cores the platform's 19 connections shared four threads, so a
     * command's insert waited behind whatever the read models or event readers had sent on a connection of the same
     * thread (measured, eighth session: a command's insert took 170–440 µs against 60 µs alone; PERFORMANCE.md).
     * Netty starts a thread only when a connection is given to it; each of the rest holds an idle selector.
     */
    private static final int ON_DISK_NETWORK_THREADS = Math.max(64, 4 * Runtime.getRuntime().availableProcessors());

    private final MongoServer server;
    private final InetSocketAddress address;

    /** @param networkThreads 0 for the server's default, twice the cores */
    private EmbeddedMongoServer(MongoBackend backend, String description, int networkThreads) {
        this.server = new MongoServer(backend);
        server.bind(new InetSocketAddress("localhost", 0), 0, networkThreads);
        this.address = server.getLocalAddress();
        log.info("Embedded MongoDB-wire server ({}) listening on {}", description, connectionString());
    }

    /** The memory backend, for tests and the engine benchmark: the default threads, as many may run in one JVM. */
    public static EmbeddedMongoServer inMemory() {
        return new EmbeddedMongoServer(new MemoryBackend(), "memory", 0);
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
        return new EmbeddedMongoServer(new EmbeddedH2Backend(store), file.toAbsolutePath().toString(),
                ON_DISK_NETWORK_THREADS);
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
