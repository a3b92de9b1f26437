package io.flipflop.api.audit;

import io.flipflop.api.videoroom.CommandOrigin;
import java.time.Instant;

/**
 * One stored event as the audit shows it: where it sits in its stream ({@code stream}, {@code aggregateId},
 * {@code sequence}), when, what ({@code type}, the event's simple class name, and {@code payload}, the event as
 * JSON), who ({@code origin} and {@code actor} from the command that caused it; null for an event applied without
 * an origin), and {@code previousHash}, the hash chain link to the event before it in the same stream (null on
 * the first).
 */
public record AuditedEvent(AuditedStream stream, long aggregateId, long sequence, Instant timestamp, String type,
                           CommandOrigin origin, String actor, Object payload, String previousHash) {
}
