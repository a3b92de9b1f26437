package io.flipflop.api.streamkey;

/** Events of a stream key's stream. The full state machine arrives with the broadcast domain. */
public sealed interface StreamKeyEvent permits StreamKeyCreated {
    long streamKeyId();
}
