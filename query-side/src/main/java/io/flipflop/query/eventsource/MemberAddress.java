package io.flipflop.query.eventsource;

/** A member as the event source addresses it: member ids are unique, the app keeps tenants apart regardless. */
public record MemberAddress(long appId, long memberId) {
}
