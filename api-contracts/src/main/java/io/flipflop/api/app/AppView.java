package io.flipflop.api.app;

import io.flipflop.api.streamkey.OutputMode;
import java.time.Instant;

/** An app as the console lists it. Never carries the secret. */
public record AppView(long id, String state, String name, String apiKey, OutputMode defaultRtmpOutputMode,
                      Instant createdAt, Instant lastModifiedAt) {
}
