package io.flipflop.api.app;

import java.time.Instant;

/** An app as the console lists it. Never carries the secret. */
public record AppView(long id, String state, String name, String apiKey, Instant createdAt,
                      Instant lastModifiedAt) {
}
