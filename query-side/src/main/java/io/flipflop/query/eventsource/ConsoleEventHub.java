package io.flipflop.query.eventsource;

import org.springframework.stereotype.Component;

/** The console's live channels, one per app whose pages are open (keyed by app id). */
@Component
public class ConsoleEventHub extends SignalHub<Long, ConsoleEvent> {
}
