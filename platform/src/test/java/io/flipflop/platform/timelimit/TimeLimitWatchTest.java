package io.flipflop.platform.timelimit;

import io.flipflop.platform.security.LogCapture;
import java.time.Duration;
import java.util.List;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeLimitWatchTest {

    private static final Duration WARNING = Duration.ofMillis(100);
    private static final Duration INTERRUPT = Duration.ofMillis(400);
    /** Far longer than the limits, so only an interrupt ends it early. */
    private static final long LONG_MILLIS = 20_000;

    private final TimeLimitWatch watch = new TimeLimitWatch(WARNING, INTERRUPT, Duration.ofMillis(10));
    private final TimeLimitInterceptor interceptor = new TimeLimitInterceptor(watch, "a test");

    @AfterEach
    void close() {
        watch.close();
    }

    @Test
    void workOverItsLimitIsInterruptedAfterWarningsWithTheStackWhereItIs() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            TimeLimitWatch.Watched watched = watch.start("Slow work");
            long start = System.nanoTime();

            assertThatThrownBy(() -> Thread.sleep(LONG_MILLIS)).isInstanceOf(InterruptedException.class);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(INTERRUPT);
            assertThat(watched.interruptedYet()).isTrue();
            watched.end();
            assertThat(watch.running()).isZero();
            assertThat(logs.texts()).anySatisfy(text -> assertThat(text).startsWith("Slow work has run for")
                    .contains("it is interrupted at 400 ms").contains("java.lang.Thread.sleep")
                    .contains(getClass().getName()));
            assertThat(logs.texts()).anySatisfy(text -> assertThat(text).startsWith("Slow work has run for")
                    .contains("over its limit of 400 ms: interrupting " + Thread.currentThread().getName()));
        }
    }

    @Test
    void workThatEndedInTimeIsNeverInterruptedAfter() throws Exception {
        TimeLimitWatch.Watched watched = watch.start("Quick work");
        watched.end();

        assertThat(watch.running()).isZero();
        Thread.sleep(INTERRUPT.multipliedBy(3).toMillis()); // would throw if interrupted
        assertThat(watched.interruptedYet()).isFalse();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aUnitOfWorkOverItsLimitFailsWithAxonsTimeout() throws Exception {
        ResultMessage<?> result = handle(message -> {
            Thread.sleep(LONG_MILLIS);
            return "never";
        });

        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(AxonTimeoutException.class)
                .hasMessage("Unit of work of a test has timed out");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(watch.running()).isZero();
    }

    /** A handler that swallows the interrupt still fails, as with Axon's limit, and leaves no interrupt behind. */
    @Test
    void aUnitOfWorkThatSwallowedTheInterruptFailsAllTheSame() throws Exception {
        ResultMessage<?> result = handle(message -> {
            try {
                Thread.sleep(LONG_MILLIS);
            } catch (InterruptedException swallowed) {
                return "swallowed";
            }
            return "never";
        });

        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(AxonTimeoutException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aUnitOfWorkInTimeAnswersAndLeavesTheWatch() throws Exception {
        ResultMessage<?> result = handle(message -> "done");

        assertThat(result.isExceptional()).isFalse();
        assertThat(result.getPayload()).isEqualTo("done");
        assertThat(watch.running()).isZero();
    }

    private ResultMessage<?> handle(MessageHandler<Message<?>> handler) throws Exception {
        Message<?> message = GenericMessage.asMessage("work");
        DefaultUnitOfWork<Message<?>> unitOfWork = DefaultUnitOfWork.startAndGet(message);
        return unitOfWork.executeWithResult(
                () -> new DefaultInterceptorChain<>(unitOfWork, List.of(interceptor), handler).proceed());
    }
}
