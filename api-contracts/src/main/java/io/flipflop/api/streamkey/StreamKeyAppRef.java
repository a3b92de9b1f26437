package io.flipflop.api.streamkey;

/** The app as nested in a stream key (reference §13.2). */
public record StreamKeyAppRef(long id, String state, String name, OutputMode defaultRtmpOutputMode) {
}
