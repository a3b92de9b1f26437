package io.flipflop.command.console;

import io.flipflop.api.app.AppCreated;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.security.ConsoleUser;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The console's ownership checks on the command side, read from the first event of a stream, which never changes
 * (an app has no transfer, a room no change of owner). Blocking: reads the event store.
 */
@Component
public class ConsoleApps {

    private final EventStore events;

    public ConsoleApps(EventStore events) {
        this.events = events;
    }

    /** The app as created, when {@code user} owns it; 404 APP_NOT_FOUND otherwise (also for another user's app). */
    public AppCreated requireOwned(ConsoleUser user, long appId) {
        return first(appId, AppCreated.class)
                .filter(app -> app.ownerUserId() == user.userId())
                .orElseThrow(() -> ApiException.notFound("APP_NOT_FOUND", "No app " + appId));
    }

    /** The stream's first event, if the stream exists and starts with that kind of event. */
    public <E> Optional<E> first(long aggregateId, Class<E> type) {
        return events.readEvents(String.valueOf(aggregateId), 0).asStream()
                .findFirst()
                .map(EventMessage::getPayload)
                .filter(type::isInstance)
                .map(type::cast);
    }
}
