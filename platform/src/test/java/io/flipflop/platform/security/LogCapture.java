package io.flipflop.platform.security;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Records everything logged while open, with our code, Spring Security and the web server turned up to
 * DEBUG, so a test can assert that a secret never reached the logs. The HTTP codecs
 * ({@code org.springframework.http.codec}, {@code org.springframework.web.HttpLogging}) and the MongoDB
 * driver's command log stay as configured: at DEBUG they print request bodies and documents by design,
 * which is why production must keep them at INFO.
 */
public final class LogCapture implements AutoCloseable {

    private static final List<String> VERBOSE = List.of("io.flipflop", "org.springframework.security",
            "org.springframework.web.server", "org.springframework.web.reactive", "reactor.netty");

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Map<Logger, Level> previousLevels = new HashMap<>();

    public LogCapture() {
        for (String name : VERBOSE) {
            Logger logger = logger(name);
            previousLevels.put(logger, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
        appender.start();
        logger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }

    /** Every message, argument and stack trace text logged so far, one string per event. */
    public List<String> texts() {
        List<ILoggingEvent> events;
        synchronized (appender) { // AppenderBase.doAppend appends under this lock, also from background threads
            events = List.copyOf(appender.list);
        }
        return events.stream().map(LogCapture::text).toList();
    }

    @Override
    public void close() {
        logger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
        previousLevels.forEach(Logger::setLevel);
    }

    private static String text(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy failure = event.getThrowableProxy(); failure != null; failure = failure.getCause()) {
            text.append('\n').append(failure.getClassName()).append(": ").append(failure.getMessage());
        }
        return text.toString();
    }

    private static Logger logger(String name) {
        return (Logger) LoggerFactory.getLogger(name);
    }
}
