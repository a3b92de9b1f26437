package io.flipflop.api.videoroom;

/**
 * Who sent a stream key or video room command, for the audit log. Sent in the command message's metadata under
 * {@link #METADATA_KEY} (the enum name), together with {@link #ACTOR_KEY}: the app id (APP_SERVER), the member id
 * (MEMBER), the worker id (WORKER) or the component's name (SYSTEM), as a string. Axon copies command metadata
 * onto the events the command applies, so each event carries both.
 */
public enum CommandOrigin {
    APP_SERVER, MEMBER, WORKER, SYSTEM;

    public static final String METADATA_KEY = "origin";
    public static final String ACTOR_KEY = "actor";
}
