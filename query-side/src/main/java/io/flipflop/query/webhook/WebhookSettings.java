package io.flipflop.query.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Webhook delivery settings ({@code flipflop.webhooks.*}).
 *
 * @param attemptTimeout  how long one POST may take, from resolving the host to the answer's last byte, before it
 *                        counts as failed (10 s)
 * @param initialBackoff  the wait after the first failed attempt; it doubles with every further failure (10 s)
 * @param maxBackoff      the longest wait between two attempts (1 h)
 * @param giveUpAfter     how long after its creation a delivery is retried before it ends FAILED (24 h)
 * @param pollInterval    how often the dispatcher looks for due deliveries when nothing wakes it (1 s)
 * @param retention       how long DELIVERED and FAILED deliveries stay in the delivery log (30 days)
 */
@ConfigurationProperties("flipflop.webhooks")
public record WebhookSettings(Duration attemptTimeout, Duration initialBackoff, Duration maxBackoff,
                              Duration giveUpAfter, Duration pollInterval, Duration retention) {

    public WebhookSettings {
        attemptTimeout = attemptTimeout == null ? Duration.ofSeconds(10) : attemptTimeout;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(10) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofHours(1) : maxBackoff;
        giveUpAfter = giveUpAfter == null ? Duration.ofHours(24) : giveUpAfter;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        retention = retention == null ? Duration.ofDays(30) : retention;
    }

    /**
     * How long a dispatcher holds a claimed delivery: past it, another dispatcher (or this one after a restart)
     * may try again. Longer than an attempt can take, so a live attempt is never doubled.
     */
    Duration claimLease() {
        return attemptTimeout.multipliedBy(2);
    }
}
