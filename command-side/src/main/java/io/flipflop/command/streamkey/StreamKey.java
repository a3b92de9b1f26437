package io.flipflop.command.streamkey;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.flipflop.api.streamkey.StreamKeyCreated;
import io.flipflop.api.streamkey.StreamKeyState;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A member's RTMP credential. It is born with its member (the Member aggregate creates it in the same unit of
 * work), INACTIVE; the state machine of SPEC §2 arrives with the broadcast domain.
 */
@Aggregate
public class StreamKey {

    /** Boxed: null until the first event, so Axon stamps a creating handler's events with the id it sets. */
    @AggregateIdentifier
    private Long streamKeyId;
    private StreamKeyState state;

    /** Axon rebuilds the key from its events starting from this empty instance. */
    protected StreamKey() {
    }

    /** Called only through {@code AggregateLifecycle.createNew} by the member that owns the key. */
    public StreamKey(long streamKeyId, long appId, long memberId, String streamKey) {
        apply(new StreamKeyCreated(streamKeyId, appId, memberId, streamKey));
    }

    @EventSourcingHandler
    void on(StreamKeyCreated event) {
        streamKeyId = event.streamKeyId();
        state = StreamKeyState.INACTIVE;
    }

    StreamKeyState state() {
        return state;
    }
}
