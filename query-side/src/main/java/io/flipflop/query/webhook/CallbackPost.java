package io.flipflop.query.webhook;

import io.flipflop.platform.webhook.CallbackAddressPolicy;
import io.flipflop.platform.webhook.CallbackAddressPolicy.AddressNotAllowed;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * One webhook attempt: a POST whose whole exchange — resolving, connecting, sending, the answer's headers and its
 * body — must end within the attempt timeout, so a receiver that answers slowly, or trickles its body forever,
 * holds a delivery slot no longer than that. Only the first {@link #MAX_ANSWER_BYTES} of the body are read (and
 * thrown away: only the status matters); past them the connection is closed. The host is resolved, and every
 * address checked, for each attempt ({@link CheckedAddressResolverGroup}); connections are not pooled, so no
 * attempt reuses a connection made under an earlier answer. Redirects are not followed.
 */
final class CallbackPost {

    static final int MAX_ANSWER_BYTES = 64 * 1024;
    private static final int MAX_ERROR_LENGTH = 300;

    /** How an attempt ended: the status, when one was answered, and why it failed, when it did. */
    record Outcome(Integer statusCode, String error) {

        boolean delivered() {
            return error == null;
        }
    }

    private final HttpClient http;
    private final Duration timeout;

    CallbackPost(CallbackAddressPolicy addresses, Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.create(ConnectionProvider.newConnection())
                .resolver(new CheckedAddressResolverGroup(addresses))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .followRedirect(false);
    }

    /** Never fails: whatever goes wrong is in the outcome. */
    Mono<Outcome> send(String url, Map<String, String> headers, byte[] body) {
        AtomicReference<Integer> answered = new AtomicReference<>();
        return Mono.defer(() -> http
                        .headers(h -> {
                            headers.forEach(h::set);
                            h.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
                        })
                        .post()
                        .uri(url)
                        .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
                        .response((response, answer) -> {
                            int status = response.status().code();
                            answered.set(status);
                            return answer.map(ByteBuf::readableBytes)
                                    .scan(0L, (read, more) -> read + more)
                                    .takeUntil(read -> read >= MAX_ANSWER_BYTES)
                                    .then(Mono.fromSupplier(() -> outcomeOf(status)));
                        })
                        .next())
                .timeout(timeout)
                .onErrorResume(failure -> Mono.just(new Outcome(answered.get(), describe(failure, answered.get()))));
    }

    private static Outcome outcomeOf(int status) {
        return new Outcome(status, status >= 200 && status < 300 ? null : "HTTP " + status);
    }

    private String describe(Throwable failure, Integer status) {
        if (failure instanceof TimeoutException) {
            return status == null ? "No answer within " + timeout.toMillis() + " ms"
                    : "HTTP " + status + ", but the answer did not end within " + timeout.toMillis() + " ms";
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AddressNotAllowed) {
                return shortened(cause.getMessage());
            }
        }
        return shortened(failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage()));
    }

    private static String shortened(String text) {
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }
}
