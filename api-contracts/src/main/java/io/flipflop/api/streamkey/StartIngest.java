package io.flipflop.api.streamkey;

import java.time.Duration;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A media worker accepted an RTMP publish for the key and now holds its ingest lease for {@code lease} (the
 * configured {@code flipflop.ingest.lease}; the worker must renew within it).
 */
public record StartIngest(@TargetAggregateIdentifier long streamKeyId, String workerId, OutputMode mode,
                          Duration lease) implements StreamKeyCommand {
}
