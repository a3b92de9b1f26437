package io.flipflop.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoServerTest {

    /** The server names its network threads so; they start when a connection is given to them. */
    private static final String NETWORK_THREAD = "mongo-server-worker";

    @TempDir
    Path dataDir;

    /** More connections than the server's default threads (twice the cores) each get a thread of their own. */
    @Test
    void theOnDiskServerServesEachConnectionOnAThreadOfItsOwn() throws Exception {
        int connections = 2 * Runtime.getRuntime().availableProcessors() + 2;
        Set<Thread> before = networkThreads();
        List<Socket> sockets = new ArrayList<>();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk(dataDir)) {
            URI address = URI.create(server.connectionString());
            for (int i = 0; i < connections; i++) {
                sockets.add(new Socket(address.getHost(), address.getPort()));
            }

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(startedSince(before)).isEqualTo(connections));
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    private static Set<Thread> networkThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(NETWORK_THREAD)).collect(Collectors.toSet());
    }

    /** Network threads started since then; those of servers closed earlier may be ending meanwhile. */
    private static long startedSince(Set<Thread> before) {
        return networkThreads().stream().filter(thread -> !before.contains(thread)).count();
    }
}
