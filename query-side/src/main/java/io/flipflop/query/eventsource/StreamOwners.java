package io.flipflop.query.eventsource;

import io.flipflop.api.streamkey.StreamKeyCreated;
import io.flipflop.api.videopost.ArchivePostCreated;
import io.flipflop.api.videopost.VideoPostCreated;
import io.flipflop.api.videoroom.VideoRoomCreated;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The member that owns a stream key, a video room or a video post, which their later events do not name. Learnt from
 * the creating events as they pass by; for keys and rooms created before this JVM started listening, read from
 * the first event of their stream, which is the record (a read model may lag behind the event source). An owner
 * never changes, so what is learnt stays true; the most recently used {@value #CAPACITY} are kept.
 */
@Component
public class StreamOwners {

    static final int CAPACITY = 100_000;

    private final EventStore events;
    private final Map<Long, MemberAddress> known = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, MemberAddress> eldest) {
                    return size() > CAPACITY;
                }
            });

    public StreamOwners(EventStore events) {
        this.events = events;
    }

    public void remember(long aggregateId, MemberAddress owner) {
        known.put(aggregateId, owner);
    }

    /** Blocking on a miss: called on event processor threads only. Empty for a stream of another kind. */
    public Optional<MemberAddress> of(long aggregateId) {
        MemberAddress owner = known.get(aggregateId);
        if (owner != null) {
            return Optional.of(owner);
        }
        Optional<MemberAddress> found = events.readEvents(String.valueOf(aggregateId), 0).asStream()
                .findFirst()
                .map(EventMessage::getPayload)
                .flatMap(StreamOwners::ownerIn);
        found.ifPresent(address -> remember(aggregateId, address));
        return found;
    }

    private static Optional<MemberAddress> ownerIn(Object firstEvent) {
        if (firstEvent instanceof StreamKeyCreated created) {
            return Optional.of(new MemberAddress(created.appId(), created.memberId()));
        }
        if (firstEvent instanceof VideoRoomCreated created) {
            return Optional.of(new MemberAddress(created.appId(), created.memberId()));
        }
        if (firstEvent instanceof VideoPostCreated created) {
            return Optional.of(new MemberAddress(created.appId(), created.memberId()));
        }
        if (firstEvent instanceof ArchivePostCreated created) {
            return Optional.of(new MemberAddress(created.appId(), created.memberId()));
        }
        return Optional.empty();
    }
}
