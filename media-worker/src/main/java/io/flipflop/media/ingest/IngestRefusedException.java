package io.flipflop.media.ingest;

/**
 * The stream key refused an ingest command: its state does not allow it (another worker holds the ingest, the key
 * was terminated) or it does not exist. {@code errorCode} is the key's error code, e.g.
 * {@code STREAM_KEY_STATE_NOT_INACTIVE_OR_INACTIVE_LIVE}.
 */
public class IngestRefusedException extends RuntimeException {

    private final String errorCode;

    public IngestRefusedException(String errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
