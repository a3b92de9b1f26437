package io.flipflop.query.eventsource;

import org.springframework.stereotype.Component;

/** The member event source's channels, one per connected member. */
@Component
public class MemberEventHub extends SignalHub<MemberAddress, MemberSignal> {
}
