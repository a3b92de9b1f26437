package io.flipflop.allinone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An app server's webhook endpoint on the loopback interface (the JDK's HTTP server): it records every request and
 * answers what {@link #answer} says. Signature checks are written out here as a receiver in any language would
 * write them, independently of FlipFlop's own code.
 */
final class CallbackReceiver implements AutoCloseable {

    /** An answer that never comes in time: the receiver holds the request well past any test's attempt timeout. */
    static final int HANG = -1;
    private static final long HANG_MILLIS = 3_000;
    /** An answer of 200 whose body never ends: a byte every few milliseconds, for as long as the client reads. */
    static final int TRICKLE = -2;
    private static final long TRICKLE_PAUSE_MILLIS = 50;

    /** One request as received, and the status it was answered with ({@link #HANG} or {@link #TRICKLE} if so). */
    record Received(String deliveryId, String authorization, String contentType, String timestamp,
                    String signature, String body, JsonNode json, int answeredWith) {

        String type() {
            return json.get("type").asText();
        }

        /** Whether the signature is right for this secret, computed as the API documentation shows. */
        boolean signedWith(String signingSecret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                String expected = "sha256=" + HexFormat.of().formatHex(
                        mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
                return java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                        signature.getBytes(StandardCharsets.US_ASCII));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpServer server;

    /** Given a request and how many times its delivery id was received before it, the status to answer. */
    volatile BiFunction<Received, Integer, Integer> answer = (request, earlier) -> 200;

    CallbackReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests about one stream key or room, in the order they arrived. */
    List<Received> about(String idField, long id) {
        return received.stream().filter(r -> r.json().path("data").path(idField).asLong() == id).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var headers = exchange.getRequestHeaders();
        String deliveryId = headers.getFirst("X-FlipFlop-Delivery");
        Received request = new Received(deliveryId, headers.getFirst("Authorization"),
                headers.getFirst("Content-Type"), headers.getFirst("X-FlipFlop-Timestamp"),
                headers.getFirst("X-FlipFlop-Signature"), body, json.readTree(body), 0);
        int earlier = (int) received.stream().filter(r -> r.deliveryId().equals(deliveryId)).count();
        int status = answer.apply(request, earlier);
        received.add(new Received(deliveryId, request.authorization(), request.contentType(), request.timestamp(),
                request.signature(), body, request.json(), status));
        if (status == HANG) {
            try {
                Thread.sleep(HANG_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            status = 200;
        }
        if (status == TRICKLE) {
            exchange.sendResponseHeaders(200, 0);
            trickleUntilClosed(exchange);
        } else {
            exchange.sendResponseHeaders(status, -1);
        }
        exchange.close();
    }

    private static void trickleUntilClosed(HttpExchange exchange) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                exchange.getResponseBody().write(' ');
                exchange.getResponseBody().flush();
                Thread.sleep(TRICKLE_PAUSE_MILLIS);
            }
        } catch (IOException e) {
            // the client hung up, as it should
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
