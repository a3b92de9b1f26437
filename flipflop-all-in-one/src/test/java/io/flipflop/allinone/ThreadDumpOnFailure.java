package io.flipflop.allinone;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Writes every thread's stack to {@code target/thread-dumps/} when a test fails, before the test's clean-up
 * interrupts what was stuck: a request once waited 30 s for a MongoDB connection in a full run and nothing was
 * logged, so the next occurrence should show who held the connections.
 */
class ThreadDumpOnFailure implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        try {
            Path dumps = Files.createDirectories(Path.of("target", "thread-dumps"));
            String threads = Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(true, true))
                    .map(ThreadInfo::toString).collect(Collectors.joining());
            Path file = dumps.resolve(context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName() + ".txt");
            Files.writeString(file, threads);
            System.err.println("Thread dump of the failure: " + file.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
        throw failure;
    }
}
