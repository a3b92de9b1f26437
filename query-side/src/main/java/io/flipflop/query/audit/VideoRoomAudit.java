package io.flipflop.query.audit;

import io.flipflop.api.audit.AuditedEvent;
import io.flipflop.api.audit.AuditedStream;
import io.flipflop.api.audit.ChainVerification;
import io.flipflop.api.audit.VideoRoomEventHistory;
import io.flipflop.api.audit.VideoRoomStateAt;
import io.flipflop.api.streamkey.CmafPublishStarted;
import io.flipflop.api.streamkey.CmafPublishStopped;
import io.flipflop.api.streamkey.IngestStarted;
import io.flipflop.api.streamkey.IngestStopped;
import io.flipflop.api.streamkey.StreamKeyBroadcastEnded;
import io.flipflop.api.streamkey.StreamKeyForciblyTerminated;
import io.flipflop.api.streamkey.StreamKeyWentLive;
import io.flipflop.api.videoroom.CommandOrigin;
import io.flipflop.api.videoroom.VideoRoomCreated;
import io.flipflop.api.videoroom.VideoRoomEvent;
import io.flipflop.api.videoroom.VideoRoomWentLive;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.eventstore.HashChain;
import io.flipflop.platform.eventstore.MongoEventStorageEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The audit of a video room, read from the event store itself and never from read models: what a projection
 * shows may lag or be rebuilt, the stored events are the record. A room belongs to the app named in its first
 * event; a room of another app, or an id that is not a room, is not found. Deleted rooms keep their audit.
 * Reads block on the sync driver, so they run on the bounded-elastic scheduler.
 */
@Component
public class VideoRoomAudit {

    private final MongoEventStorageEngine engine;

    public VideoRoomAudit(MongoEventStorageEngine engine) {
        this.engine = engine;
    }

    /**
     * The room's events in order, and the events of its stream key that name the room, from the room's last event
     * before going live (the key goes live first) to the key's end of that broadcast. The key's stream is entered
     * by timestamp search, so a key reused for years costs a few lookups, not a read from its first event.
     */
    public Mono<VideoRoomEventHistory> history(long appId, long videoRoomId) {
        return blocking(() -> {
            List<DomainEventMessage<?>> roomEvents = new ArrayList<>();
            ownedStream(appId, videoRoomId).asStream().forEach(roomEvents::add);
            List<AuditedEvent> history = new ArrayList<>();
            roomEvents.forEach(event -> history.add(audited(AuditedStream.VIDEO_ROOM, event)));
            for (int i = 1; i < roomEvents.size(); i++) {
                if (roomEvents.get(i).getPayload() instanceof VideoRoomWentLive wentLive) {
                    broadcastOnKey(videoRoomId, wentLive.streamKeyId(), roomEvents.get(i - 1).getTimestamp())
                            .forEach(event -> history.add(audited(AuditedStream.STREAM_KEY, event)));
                }
            }
            // Stable: each stream keeps its sequence order where timestamps tie or run back (clock skew).
            history.sort(Comparator.comparing(AuditedEvent::timestamp));
            return new VideoRoomEventHistory(videoRoomId, history);
        });
    }

    /**
     * The room folded from its first event up to the last one stamped at or before {@code at}; the room did not
     * exist before its first event, which answers as not found.
     */
    public Mono<VideoRoomStateAt> stateAt(long appId, long videoRoomId, Instant at) {
        return blocking(() -> {
            DomainEventStream stream = ownedStream(appId, videoRoomId);
            DomainEventMessage<?> first = stream.next();
            if (first.getTimestamp().isAfter(at)) {
                throw ApiException.notFound("VIDEO_ROOM_NOT_FOUND",
                        "Video room " + videoRoomId + " did not exist yet at " + at);
            }
            RoomReplay room = RoomReplay.created((VideoRoomCreated) first.getPayload(), first.getSequenceNumber(),
                    first.getTimestamp());
            while (stream.hasNext() && !stream.peek().getTimestamp().isAfter(at)) {
                DomainEventMessage<?> event = stream.next();
                room = room.apply((VideoRoomEvent) event.getPayload(), event.getSequenceNumber(),
                        event.getTimestamp());
            }
            return room.asOf(at);
        });
    }

    /** Recomputes the room stream's hash chain from the stored documents. */
    public Mono<ChainVerification> verify(long appId, long videoRoomId) {
        return blocking(() -> {
            ownedStream(appId, videoRoomId);
            HashChain.Verification verification = engine.verifyChain(String.valueOf(videoRoomId));
            return new ChainVerification(verification.valid(), verification.eventsChecked(),
                    verification.firstBrokenSequence());
        });
    }

    /** The room's stream from sequence 0, after checking that it is a room of this app. */
    private DomainEventStream ownedStream(long appId, long videoRoomId) {
        DomainEventStream stream = engine.readEvents(String.valueOf(videoRoomId), 0);
        if (!stream.hasNext() || !(stream.peek().getPayload() instanceof VideoRoomCreated created)
                || created.appId() != appId) {
            throw ApiException.notFound("VIDEO_ROOM_NOT_FOUND", "No video room " + videoRoomId);
        }
        return stream;
    }

    private List<DomainEventMessage<?>> broadcastOnKey(long videoRoomId, long streamKeyId, Instant from) {
        String key = String.valueOf(streamKeyId);
        DomainEventStream stream = engine.readEvents(key, engine.firstSequenceAt(key, from));
        List<DomainEventMessage<?>> broadcast = new ArrayList<>();
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            Object payload = event.getPayload();
            Long room = roomNamedBy(payload);
            if (room != null && room != videoRoomId && !broadcast.isEmpty()) {
                break; // the key serves another room: this broadcast is over
            }
            if (Objects.equals(room, videoRoomId)) {
                broadcast.add(event);
                if (payload instanceof StreamKeyBroadcastEnded || payload instanceof StreamKeyForciblyTerminated) {
                    break;
                }
            }
        }
        return broadcast;
    }

    /** The room a stream key event happened for, null when none (preview, reissue, creation). */
    private static Long roomNamedBy(Object payload) {
        if (payload instanceof IngestStarted event) {
            return event.videoRoomId();
        } else if (payload instanceof IngestStopped event) {
            return event.videoRoomId();
        } else if (payload instanceof CmafPublishStarted event) {
            return event.videoRoomId();
        } else if (payload instanceof CmafPublishStopped event) {
            return event.videoRoomId();
        } else if (payload instanceof StreamKeyWentLive event) {
            return event.videoRoomId();
        } else if (payload instanceof StreamKeyBroadcastEnded event) {
            return event.videoRoomId();
        } else if (payload instanceof StreamKeyForciblyTerminated event) {
            return event.videoRoomId();
        }
        return null;
    }

    private static AuditedEvent audited(AuditedStream stream, DomainEventMessage<?> event) {
        Object origin = event.getMetaData().get(CommandOrigin.METADATA_KEY);
        Object actor = event.getMetaData().get(CommandOrigin.ACTOR_KEY);
        Object previousHash = event.getMetaData().get(HashChain.PREVIOUS_HASH);
        return new AuditedEvent(stream, Long.parseLong(event.getAggregateIdentifier()), event.getSequenceNumber(),
                event.getTimestamp(), event.getPayloadType().getSimpleName(), originOf(origin),
                actor == null ? null : actor.toString(), event.getPayload(),
                previousHash == null ? null : previousHash.toString());
    }

    private static CommandOrigin originOf(Object origin) {
        if (origin == null) {
            return null;
        }
        try {
            return CommandOrigin.valueOf(origin.toString());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static <T> Mono<T> blocking(Callable<T> read) {
        return Mono.fromCallable(read).subscribeOn(Schedulers.boundedElastic());
    }
}
