package io.flipflop.query.eventsource;

import java.time.Instant;

/**
 * One message of the member event source, shaped as FlipFlop's (reference §17.3): a system signal carrying a
 * change of the member's stream key (UNICAST, to the owner) or of a room (BROADCAST to the room's channel, whose
 * id is the room's). {@code messageId} and {@code sentAt} are the same timestamp, as in FlipFlop's example.
 */
public record MemberSignal(String messageId, String sentAt, String origin, String type, String deliveryType,
                           Long channelId, String customType, ChangeData customData) {

    static MemberSignal unicast(Instant sentAt, ChangeData.StreamKeyChange change) {
        return new MemberSignal(sentAt.toString(), sentAt.toString(), "SYSTEM", "SIGNAL", "UNICAST", null,
                "CHANGE_DATA_CAPTURE", change);
    }

    static MemberSignal broadcast(Instant sentAt, long channelId, ChangeData.VideoRoomChange change) {
        return new MemberSignal(sentAt.toString(), sentAt.toString(), "SYSTEM", "SIGNAL", "BROADCAST", channelId,
                "CHANGE_DATA_CAPTURE", change);
    }
}
