package io.flipflop.platform.timelimit;

import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Puts a unit of work under the {@link TimeLimitWatch} from its first handler until it commits or rolls back, as
 * Axon's {@code UnitOfWorkTimeoutInterceptor} does: once per root unit of work, however many messages (a batch of an
 * event processor, commands committed together) run in it. Work the watch interrupted fails with Axon's
 * {@link AxonTimeoutException}, also when a handler swallowed the interrupt.
 */
final class TimeLimitInterceptor implements MessageHandlerInterceptor<Message<?>> {

    private static final String RESOURCE = TimeLimitInterceptor.class.getName();

    private final TimeLimitWatch watch;
    private final String task;

    TimeLimitInterceptor(TimeLimitWatch watch, String component) {
        this.watch = watch;
        this.task = "Unit of work of " + component;
    }

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        TimeLimitWatch.Watched watched = root.getResource(RESOURCE);
        if (watched == null) {
            TimeLimitWatch.Watched started = watch.start(task);
            root.resources().put(RESOURCE, started);
            root.afterCommit(committed -> started.end());
            root.onRollback(rolledBack -> started.end());
            watched = started;
        }
        Object result;
        try {
            result = chain.proceed();
        } catch (Exception failure) {
            throw watched.interruptedYet() ? timedOut(watched, failure) : failure;
        }
        if (watched.interruptedYet()) {
            throw timedOut(watched, null);
        }
        return result;
    }

    /** The interrupt was the watch's, and the work it was meant for fails with it. */
    private static AxonTimeoutException timedOut(TimeLimitWatch.Watched watched, Exception failure) {
        Thread.interrupted();
        AxonTimeoutException timedOut = new AxonTimeoutException(watched.task() + " has timed out");
        if (failure != null) {
            timedOut.addSuppressed(failure);
        }
        return timedOut;
    }
}
