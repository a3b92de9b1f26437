package io.flipflop.api.streamkey;

/**
 * The key's own output mode changed (null: removed); the state is unchanged, carried as every event carries it.
 * A running ingest keeps the mode it started with.
 */
public record StreamKeyModeChanged(long streamKeyId, StreamKeyState state, OutputMode mode)
        implements StreamKeyEvent {
}
