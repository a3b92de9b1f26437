package io.flipflop.command.broadcast;

import io.flipflop.api.streamkey.CmafPublishStarted;
import io.flipflop.api.streamkey.CmafPublishStopped;
import io.flipflop.api.streamkey.IngestStopped;
import io.flipflop.api.streamkey.StreamKeyBroadcastEnded;
import io.flipflop.api.streamkey.StreamKeyForciblyTerminated;
import io.flipflop.api.streamkey.StreamKeyState;
import io.flipflop.api.streamkey.StreamKeyWentLive;
import io.flipflop.api.videoroom.EndBroadcast;
import io.flipflop.api.videoroom.ForceTerminateVideoRoom;
import io.flipflop.api.videoroom.GoLive;
import io.flipflop.api.videoroom.MarkIngestLost;
import io.flipflop.api.videoroom.MarkIngestResumed;
import io.flipflop.api.videoroom.StartArchive;
import io.flipflop.api.videoroom.VideoRoomBroadcastEnded;
import io.flipflop.platform.error.ApiException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The asynchronous half of the key–room coupling (SPEC §2): the room follows its stream key.
 * <ul>
 *   <li>key → INACTIVE_LIVE ⇒ room MarkIngestLost (LIVE → LIVE_INACTIVE);</li>
 *   <li>key → ACTIVE_LIVE after a resume ⇒ room MarkIngestResumed (LIVE_INACTIVE → LIVE);</li>
 *   <li>key went live / ended / was force-terminated for room R ⇒ R's GoLive / EndBroadcast / ForceTerminate,
 *       finishing a synchronous {@link BroadcastService} path that died half way (usually already done);</li>
 *   <li>room ended normally ⇒ StartArchive (archiving follows an end automatically; the media worker saves the
 *       recording and sends CompleteArchive or FailArchive).</li>
 * </ul>
 * Every command it sends is a no-op when its effect is already there, so redelivery and a race with the
 * synchronous path are harmless. A refusal means the room has moved on (e.g. a stale event after the end) and
 * is only logged; any other failure is propagated, so the processor retries the event
 * ({@link BroadcastConfiguration}). Events of one key are handled in order (sequencing per aggregate).
 */
@Component
@ProcessingGroup(BroadcastConfiguration.COUPLING_GROUP)
public class BroadcastCoupling {

    private static final Logger log = LoggerFactory.getLogger(BroadcastCoupling.class);
    private static final Origin ORIGIN = Origin.system(BroadcastConfiguration.COUPLING_GROUP);

    private final OriginCommands commands;

    public BroadcastCoupling(OriginCommands commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(CmafPublishStopped event) {
        if (event.state() == StreamKeyState.INACTIVE_LIVE && event.videoRoomId() != null) {
            send(new MarkIngestLost(event.videoRoomId(), event.streamKeyId()));
        }
    }

    /** From ACTIVE_LIVE_PREP the room is already LIVE_INACTIVE; sent anyway, as a no-op, in case it is not. */
    @EventHandler
    void on(IngestStopped event) {
        if (event.state() == StreamKeyState.INACTIVE_LIVE && event.videoRoomId() != null) {
            send(new MarkIngestLost(event.videoRoomId(), event.streamKeyId()));
        }
    }

    @EventHandler
    void on(CmafPublishStarted event) {
        if (event.state() == StreamKeyState.ACTIVE_LIVE && event.videoRoomId() != null) {
            send(new MarkIngestResumed(event.videoRoomId(), event.streamKeyId()));
        }
    }

    @EventHandler
    void on(StreamKeyWentLive event) {
        send(new GoLive(event.videoRoomId(), event.streamKeyId()));
    }

    @EventHandler
    void on(StreamKeyBroadcastEnded event) {
        send(new MarkIngestLost(event.videoRoomId(), event.streamKeyId()));
        send(new EndBroadcast(event.videoRoomId(), event.streamKeyId()));
    }

    @EventHandler
    void on(StreamKeyForciblyTerminated event) {
        if (event.videoRoomId() != null) {
            send(new ForceTerminateVideoRoom(event.videoRoomId(), event.streamKeyId()));
        }
    }

    @EventHandler
    void on(VideoRoomBroadcastEnded event) {
        send(new StartArchive(event.videoRoomId()));
    }

    private void send(Object command) {
        try {
            commands.sendAndWait(command, ORIGIN);
        } catch (ApiException refused) {
            log.debug("{} not applied, the room has moved on: {}", command, refused.getMessage());
        }
    }
}
