package io.flipflop.api.audit;

/** Which aggregate's stream an audited event belongs to. */
public enum AuditedStream {
    VIDEO_ROOM, STREAM_KEY
}
