package io.flipflop.query.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.flipflop.platform.webhook.CallbackAddressPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One webhook attempt against a real HTTP server on the loopback interface. */
class CallbackPostTest {

    private static final byte[] BODY = "{\"type\":\"CALLBACK_TEST\"}".getBytes(StandardCharsets.UTF_8);
    private static final Map<String, String> HEADERS = Map.of("Content-Type", "application/json",
            "X-FlipFlop-Delivery", "d1");

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private HttpServer server;

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.start();
    }

    @AfterEach
    void stopReceiver() {
        server.stop(0);
        threads.shutdownNow();
    }

    @Test
    void aReceiverOnAPublicAddressGetsTheBodyAndHeadersAndIts2xxDelivers() {
        answer(exchange -> {
            received.add(exchange.getRequestHeaders().getFirst("X-FlipFlop-Delivery") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
        });

        CallbackPost.Outcome outcome = allowingPrivate(Duration.ofSeconds(5)).send(url("127.0.0.1"), HEADERS, BODY)
                .block();

        assertThat(outcome).isEqualTo(new CallbackPost.Outcome(204, null));
        assertThat(received).containsExactly("d1 {\"type\":\"CALLBACK_TEST\"}");
    }

    @Test
    void anotherStatusIsAFailedAttempt() {
        answer(exchange -> exchange.sendResponseHeaders(500, -1));

        assertThat(allowingPrivate(Duration.ofSeconds(5)).send(url("127.0.0.1"), HEADERS, BODY).block())
                .isEqualTo(new CallbackPost.Outcome(500, "HTTP 500"));
    }

    @Test
    void aNameResolvingToLoopbackIsRefusedAtTheAttemptByDefaultAndNothingIsSent() {
        answer(exchange -> {
            received.add("request");
            exchange.sendResponseHeaders(200, -1);
        });

        CallbackPost.Outcome outcome = byDefault().send(url("localhost"), HEADERS, BODY).block();

        assertThat(outcome.statusCode()).isNull();
        assertThat(outcome.error()).startsWith("localhost resolves to ")
                .contains("is not a public address (loopback)");
        assertThat(received).isEmpty();
    }

    @Test
    void aLiteralPrivateAddressIsRefusedAtTheAttemptByDefault() {
        CallbackPost.Outcome outcome = byDefault().send(url("127.0.0.1"), HEADERS, BODY).block();

        assertThat(outcome).isEqualTo(new CallbackPost.Outcome(null, "127.0.0.1 is not a public address (loopback);"
                + " webhooks are only sent to public addresses unless flipflop.webhooks.allow-private-addresses"
                + " is set"));
    }

    /** The answer's headers came in time, but its body never ends: the attempt still ends at the timeout. */
    @Test
    void aReceiverTricklingItsAnswerForeverIsCutOffAtTheAttemptTimeout() {
        answer(endless200(new byte[1], 50));

        CallbackPost.Outcome outcome = allowingPrivate(Duration.ofMillis(500)).send(url("127.0.0.1"), HEADERS, BODY)
                .block();

        assertThat(outcome).isEqualTo(new CallbackPost.Outcome(200,
                "HTTP 200, but the answer did not end within 500 ms"));
    }

    /** Without the cap this attempt would read until its timeout and fail; with it, the 200 counts at once. */
    @Test
    void onlyTheStartOfAnEndlessAnswerIsReadAndItsStatusCounts() {
        answer(endless200(new byte[8192], 0));

        assertThat(allowingPrivate(Duration.ofSeconds(30)).send(url("127.0.0.1"), HEADERS, BODY).block())
                .isEqualTo(new CallbackPost.Outcome(200, null));
    }

    private interface Answer {
        void handle(HttpExchange exchange) throws IOException;
    }

    private void answer(Answer answer) {
        server.createContext("/hooks", exchange -> {
            try (exchange) {
                answer.handle(exchange);
            }
        });
    }

    /** Answers 200, then writes the chunk again and again until the client hangs up (or the server stops). */
    private static Answer endless200(byte[] chunk, long pauseMillis) {
        return exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0);
            writeUntilClosed(exchange.getResponseBody(), chunk, pauseMillis);
        };
    }

    private static void writeUntilClosed(OutputStream out, byte[] chunk, long pauseMillis) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                out.write(chunk);
                out.flush();
                if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
            }
        } catch (IOException e) {
            // the client hung up: what the tests expect it to do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String url(String host) {
        return "http://" + host + ":" + server.getAddress().getPort() + "/hooks";
    }

    private static CallbackPost byDefault() {
        return new CallbackPost(new CallbackAddressPolicy(false), Duration.ofSeconds(5));
    }

    private static CallbackPost allowingPrivate(Duration timeout) {
        return new CallbackPost(new CallbackAddressPolicy(true), timeout);
    }
}
