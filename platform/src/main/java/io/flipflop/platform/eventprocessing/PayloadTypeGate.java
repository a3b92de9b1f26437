package io.flipflop.platform.eventprocessing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.Segment;

/**
 * An event handler invoker that answers "no" at once for an event whose payload type none of its handlers takes,
 * and asks its delegate otherwise.
 * <p>
 * Every processor sees every event: Axon's stream would leave out the types a processor never handles
 * ({@code skipMessagesWithPayloadTypeOf}), but {@code EmbeddedEventStore} does not implement that. So each processor
 * asked, for every event, whether any of its handlers could take it, walking all of them through Axon's layers of
 * streams, and then, if none could, whether any could take the type, walking them again. Profiled in the twelfth
 * session, in the benchmark's distinct commands: 2.1% of all CPU samples in the eight processors that take no member
 * event, 1.9% in the read models' processor, 0.9% in the command side's subscribing processors, which run on the
 * callers' threads; measured, a command's CPU against the baseline insert's fell by a sixth (PERFORMANCE.md).
 * Handlers never change once a processor is built, so whether they take a type is asked once per type and
 * remembered.
 * <p>
 * Sound because an invoker that can handle an event can handle its payload type: Axon's annotated handlers check the
 * payload type first and then their parameters ({@code canHandleType} answers the first part only), and an invoker
 * that does not know answers {@code true} (the interface's default), which lets everything through.
 */
final class PayloadTypeGate implements EventHandlerInvoker {

    private final EventHandlerInvoker delegate;
    private final Map<Class<?>, Boolean> handledTypes = new ConcurrentHashMap<>();

    private PayloadTypeGate(EventHandlerInvoker delegate) {
        this.delegate = delegate;
    }

    /**
     * Gates a processor's invoker and, when it is several, each of them: a processor of several processing groups
     * asks each group's invoker again when it handles an event.
     */
    static EventHandlerInvoker around(EventHandlerInvoker invoker) {
        if (invoker instanceof MultiEventHandlerInvoker several) {
            return new PayloadTypeGate(new MultiEventHandlerInvoker(
                    several.delegates().stream().<EventHandlerInvoker>map(PayloadTypeGate::new).toList()));
        }
        return new PayloadTypeGate(invoker);
    }

    @Override
    public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
        return canHandleType(eventMessage.getPayloadType()) && delegate.canHandle(eventMessage, segment);
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return handledTypes.computeIfAbsent(payloadType, delegate::canHandleType);
    }

    @Override
    public void handle(EventMessage<?> message, Segment segment) throws Exception {
        delegate.handle(message, segment);
    }

    @Override
    public boolean supportsReset() {
        return delegate.supportsReset();
    }

    @Override
    public void performReset() {
        delegate.performReset();
    }

    @Override
    public <R> void performReset(R resetContext) {
        delegate.performReset(resetContext);
    }

    @Override
    public void segmentReleased(Segment segment) {
        delegate.segmentReleased(segment);
    }
}
