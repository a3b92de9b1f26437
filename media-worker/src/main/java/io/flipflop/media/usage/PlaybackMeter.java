package io.flipflop.media.usage;

import io.flipflop.platform.access.Viewer;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * What the playback origin tells usage metering: who a request is from and what it was answered. Only memory is
 * touched (a hash and a short lock), so the origin calls in from event-loop threads.
 */
public final class PlaybackMeter {

    private final ViewerSessions sessions;
    private final ViewerIdentity identity = new ViewerIdentity();

    PlaybackMeter(ViewerSessions sessions) {
        this.sessions = sessions;
    }

    /** The viewer a session is kept for; see {@link ViewerIdentity}. */
    public String viewer(Viewer viewer, String streamingToken, ServerHttpRequest request) {
        return identity.of(viewer, streamingToken, request);
    }

    public void delivered(long appId, long videoRoomId, String viewer, Delivery delivery) {
        sessions.delivered(appId, videoRoomId, viewer, delivery);
    }
}
