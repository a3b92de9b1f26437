package io.flipflop.api.streamkey;

/**
 * Events of a stream key's stream. Every event after {@link StreamKeyCreated} (which means INACTIVE) carries
 * the state the key is in afterwards, so a projection or a replay folds events without re-deriving
 * transitions; {@code videoRoomId} is the room the key is live for, null when none.
 */
public sealed interface StreamKeyEvent permits StreamKeyCreated, IngestStarted, IngestStopped, CmafPublishStarted,
        CmafPublishStopped, StreamKeyWentLive, StreamKeyBroadcastEnded, StreamKeyForciblyTerminated,
        StreamKeyReissued, StreamKeyModeChanged {
    long streamKeyId();
}
