package io.flipflop.command.app;

import io.flipflop.api.streamkey.OutputMode;
import java.time.Instant;

/** What an app command handler answers: the app right after the command, for read-your-writes answers. */
public record AppState(long appId, long ownerUserId, String name, String apiKey,
                       OutputMode defaultRtmpOutputMode, Instant createdAt, Instant lastModifiedAt) {
}
