package io.flipflop.api.streamkey;

/**
 * Commands of a stream key's state machine (SPEC §2). Who sent one is in the command message's metadata
 * ({@code origin}, {@code actor}; see {@link io.flipflop.api.videoroom.CommandOrigin}).
 */
public sealed interface StreamKeyCommand permits StartIngest, StopIngest, StartCmafPublish, StopCmafPublish,
        RenewIngestLease, GoLiveOnStreamKey, EndBroadcastOnStreamKey, ForceTerminateStreamKey, ReissueStreamKey,
        ChangeStreamKeyMode {
    long streamKeyId();
}
