package io.flipflop.platform.eventprocessing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.junit.jupiter.api.Test;

/** Axon's own invokers over annotated handlers, behind the gate: the same answers, asked once per payload type. */
class PayloadTypeGateTest {

    record RoomOpened(long id) {
    }

    record MemberRenamed(long id) {
    }

    static class Rooms {

        final List<Object> handled = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(RoomOpened event) {
            handled.add(event);
        }
    }

    /** Takes a rename only with the metadata it requires: its type alone does not decide. */
    static class Members {

        final List<Object> handled = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(MemberRenamed event, @MetaDataValue(value = "tenant", required = true) String tenant) {
            handled.add(event);
        }
    }

    /** Counts what the gate asks of the invoker it guards. */
    static final class Asked implements EventHandlerInvoker {

        final EventHandlerInvoker invoker;
        final AtomicInteger canHandle = new AtomicInteger();
        final AtomicInteger canHandleType = new AtomicInteger();

        Asked(Object handler) {
            this.invoker = SimpleEventHandlerInvoker.builder().eventHandlers(handler).build();
        }

        @Override
        public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
            canHandle.incrementAndGet();
            return invoker.canHandle(eventMessage, segment);
        }

        @Override
        public boolean canHandleType(Class<?> payloadType) {
            canHandleType.incrementAndGet();
            return invoker.canHandleType(payloadType);
        }

        @Override
        public void handle(EventMessage<?> message, Segment segment) throws Exception {
            invoker.handle(message, segment);
        }
    }

    private final Rooms rooms = new Rooms();
    private final Members members = new Members();
    private final Asked askedRooms = new Asked(rooms);
    private final Asked askedMembers = new Asked(members);

    @Test
    void answersAsTheInvokerItGuards() {
        EventHandlerInvoker ungated = new MultiEventHandlerInvoker(
                SimpleEventHandlerInvoker.builder().eventHandlers(new Rooms()).build(),
                SimpleEventHandlerInvoker.builder().eventHandlers(new Members()).build());
        EventHandlerInvoker gated = PayloadTypeGate.around(new MultiEventHandlerInvoker(askedRooms, askedMembers));

        for (EventMessage<?> event : List.of(event(new RoomOpened(1)), event(new MemberRenamed(2)),
                event(new MemberRenamed(3)).andMetaData(Map.of("tenant", "a")), event("neither"))) {
            assertThat(gated.canHandle(event, Segment.ROOT_SEGMENT)).as("%s", event.getPayload())
                    .isEqualTo(ungated.canHandle(event, Segment.ROOT_SEGMENT));
            assertThat(gated.canHandleType(event.getPayloadType())).as("%s", event.getPayload())
                    .isEqualTo(ungated.canHandleType(event.getPayloadType()));
        }
    }

    @Test
    void asksWhetherItsHandlersTakeATypeOnceAndNeverAsksAboutEventsOfATypeTheyDoNotTake() {
        EventHandlerInvoker gated = PayloadTypeGate.around(askedRooms);

        for (int i = 0; i < 100; i++) {
            assertThat(gated.canHandle(event("not a room " + i), Segment.ROOT_SEGMENT)).isFalse();
            assertThat(gated.canHandle(event(new RoomOpened(i)), Segment.ROOT_SEGMENT)).isTrue();
        }

        assertThat(askedRooms.canHandleType).hasValue(2);
        assertThat(askedRooms.canHandle).as("rooms only").hasValue(100);
    }

    @Test
    void eachProcessingGroupOfAProcessorIsGated() throws Exception {
        EventHandlerInvoker gated = PayloadTypeGate.around(new MultiEventHandlerInvoker(askedRooms, askedMembers));
        EventMessage<?> opened = event(new RoomOpened(7));
        EventMessage<?> renamed = event(new MemberRenamed(8)).andMetaData(Map.of("tenant", "a"));

        for (EventMessage<?> event : List.of(opened, renamed, opened, renamed)) {
            if (gated.canHandle(event, Segment.ROOT_SEGMENT)) {
                gated.handle(event, Segment.ROOT_SEGMENT);
            }
        }

        assertThat(rooms.handled).containsExactly(opened.getPayload(), opened.getPayload());
        assertThat(members.handled).containsExactly(renamed.getPayload(), renamed.getPayload());
        assertThat(askedRooms.canHandle).as("asked of rooms only").hasValue(4);
        assertThat(askedMembers.canHandle).as("asked of renames only").hasValue(4);
    }

    private static EventMessage<?> event(Object payload) {
        return GenericEventMessage.asEventMessage(payload);
    }
}
