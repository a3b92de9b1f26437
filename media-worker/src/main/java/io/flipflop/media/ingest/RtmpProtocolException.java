package io.flipflop.media.ingest;

/**
 * A peer broke the RTMP protocol or one of our limits. It ends that peer's connection only; the message names
 * what was wrong, never a stream key, because it is logged.
 */
class RtmpProtocolException extends RuntimeException {

    RtmpProtocolException(String message) {
        super(message);
    }
}
