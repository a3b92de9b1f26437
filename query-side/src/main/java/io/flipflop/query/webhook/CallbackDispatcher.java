package io.flipflop.query.webhook;

import static io.flipflop.query.webhook.DeliveryRecords.APP_ID;
import static io.flipflop.query.webhook.DeliveryRecords.ATTEMPTS;
import static io.flipflop.query.webhook.DeliveryRecords.BODY;
import static io.flipflop.query.webhook.DeliveryRecords.CREATED_AT;
import static io.flipflop.query.webhook.DeliveryRecords.RESOURCE_ID;
import static io.flipflop.query.webhook.DeliveryRecords.STATE;

import io.flipflop.api.webhook.DeliveryAttempt;
import io.flipflop.api.webhook.DeliveryState;
import io.flipflop.platform.webhook.CallbackAddressPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends the pending deliveries of {@link DeliveryRecords}: one thread looks for due ones (every poll interval, or
 * at once when a delivery is recorded or an attempt ends) and starts their POSTs without waiting for them, at most
 * one per resource at a time, so a room's or key's changes reach the app in order while a slow receiver of one app
 * holds up no other. Every attempt is recorded; a 2xx ends the delivery, anything else (another status, a
 * timeout, a refused connection, an address that is not allowed) is retried with {@link Backoff} until
 * {@link WebhookSettings#giveUpAfter()}. Each attempt is one {@link CallbackPost}. Redirects are not followed: a
 * moved callback is re-registered, not guessed.
 *
 * <p>All of its state is in MongoDB, so a restart, or another query node, carries on: a claimed delivery whose
 * attempt was never recorded is due again after its lease. Deliveries are at least once; receivers deduplicate
 * by {@code X-FlipFlop-Delivery}. Nothing secret is logged: no credentials, no signing secret, no body.
 */
@Component
public class CallbackDispatcher implements SmartLifecycle {

    static final String DELIVERY_HEADER = "X-FlipFlop-Delivery";
    static final String TIMESTAMP_HEADER = "X-FlipFlop-Timestamp";
    static final String SIGNATURE_HEADER = "X-FlipFlop-Signature";

    private static final Logger log = LoggerFactory.getLogger(CallbackDispatcher.class);
    private static final int MAX_IN_FLIGHT = 64;
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final DeliveryRecords records;
    private final CallbackRegistrations registrations;
    private final WebhookSettings settings;
    private final Backoff backoff;
    private final CallbackPost post;
    private final Set<String> busyResources = ConcurrentHashMap.newKeySet();
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread thread;
    private Instant nextPurge = Instant.EPOCH;

    public CallbackDispatcher(DeliveryRecords records, CallbackRegistrations registrations,
                              WebhookSettings settings, CallbackAddressPolicy addresses) {
        this.records = records;
        this.registrations = registrations;
        this.settings = settings;
        this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.post = new CallbackPost(addresses, settings.attemptTimeout());
    }

    /** Makes the dispatcher look for due deliveries now rather than at its next poll. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "webhook-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Attempts still on the wire are abandoned unrecorded: their deliveries are claimed until the lease ends and
     * are then sent again, by this node after a restart or by another.
     */
    @Override
    public void stop() {
        running = false;
        wake();
        thread.interrupt();
        try {
            thread.join(settings.attemptTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        inFlight.forEach(attempt -> attempt.cancel(true));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                Instant now = Instant.now();
                dispatchDue(now);
                purgeWhenDue(now);
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Webhook dispatch round failed, the next one retries: {}", e.toString());
                }
            }
            awaitSignal();
        }
    }

    private void dispatchDue(Instant now) {
        for (Document head : records.dueHeads(now)) {
            if (inFlight.size() >= MAX_IN_FLIGHT || !running) {
                return;
            }
            String resourceId = head.getString(RESOURCE_ID);
            if (!busyResources.add(resourceId)) {
                continue;
            }
            boolean sending = false;
            try {
                sending = records.claim(head, now.plus(settings.claimLease()))
                        && attempt(head.getString("_id"), resourceId);
            } finally {
                if (!sending) {
                    busyResources.remove(resourceId);
                }
            }
        }
    }

    /** Whether a POST was started; otherwise the delivery was settled here and the resource's next one may go. */
    private boolean attempt(String deliveryId, String resourceId) {
        Document delivery = records.delivery(deliveryId);
        if (delivery == null || !DeliveryState.PENDING.name().equals(delivery.getString(STATE))) {
            records.dropFromOutbox(deliveryId);
            wake();
            return false;
        }
        Instant start = Instant.now();
        Optional<Callback> callback = registrations.callbackOf(delivery.getLong(APP_ID));
        if (callback.isEmpty()) {
            records.finish(deliveryId, DeliveryState.FAILED,
                    new DeliveryAttempt(start, null, "The app has no callback registered any more", 0));
            wake();
            return false;
        }
        CompletableFuture<CallbackPost.Outcome> attempt = post.send(callback.get().callbackUrl(),
                headers(deliveryId, delivery.getString(BODY), callback.get(), start),
                delivery.getString(BODY).getBytes(StandardCharsets.UTF_8)).toFuture();
        inFlight.add(attempt);
        attempt.whenComplete((outcome, cancelled) -> {
            inFlight.remove(attempt);
            try {
                // A post never fails (its failures are outcomes): no outcome means stop() cancelled it.
                if (running && outcome != null) {
                    record(delivery, start, outcome);
                }
            } catch (RuntimeException e) {
                log.warn("Webhook delivery {}: attempt not recorded, sent again after its lease: {}", deliveryId,
                        e.toString());
            } finally {
                busyResources.remove(resourceId);
                wake();
            }
        });
        return true;
    }

    private static Map<String, String> headers(String deliveryId, String body, Callback callback, Instant start) {
        long timestamp = start.getEpochSecond();
        String credentials = callback.callbackId() + ":" + callback.callbackPassword();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        headers.put("User-Agent", "FlipFlop-Webhooks");
        headers.put(DELIVERY_HEADER, deliveryId);
        headers.put(TIMESTAMP_HEADER, String.valueOf(timestamp));
        headers.put(SIGNATURE_HEADER, CallbackSignature.sign(callback.signingSecret(), timestamp, body));
        return headers;
    }

    private void record(Document delivery, Instant start, CallbackPost.Outcome outcome) {
        String deliveryId = delivery.getString("_id");
        Instant end = Instant.now();
        String error = outcome.error();
        var attempt = new DeliveryAttempt(start, outcome.statusCode(), error, Duration.between(start, end).toMillis());
        if (outcome.delivered()) {
            records.finish(deliveryId, DeliveryState.DELIVERED, attempt);
            log.debug("Webhook delivery {} of app {} delivered", deliveryId, delivery.getLong(APP_ID));
            return;
        }
        int failures = delivery.getList(ATTEMPTS, Document.class).size() + 1;
        Instant next = end.plus(backoff.after(failures));
        if (next.isAfter(delivery.getDate(CREATED_AT).toInstant().plus(settings.giveUpAfter()))) {
            records.finish(deliveryId, DeliveryState.FAILED, attempt);
            log.info("Webhook delivery {} of app {} FAILED after {} attempts ({})", deliveryId,
                    delivery.getLong(APP_ID), failures, error);
        } else {
            records.retryAt(deliveryId, attempt, next);
            log.info("Webhook delivery {} of app {}: attempt {} failed ({}), next at {}", deliveryId,
                    delivery.getLong(APP_ID), failures, error, next);
        }
    }

    private void purgeWhenDue(Instant now) {
        if (now.isAfter(nextPurge)) {
            records.purgeEndedBefore(now.minus(settings.retention()));
            nextPurge = now.plus(PURGE_EVERY);
        }
    }

    private void awaitSignal() {
        synchronized (signal) {
            try {
                if (!woken && running) {
                    signal.wait(settings.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
            woken = false;
        }
    }
}
