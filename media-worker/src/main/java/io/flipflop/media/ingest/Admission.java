package io.flipflop.media.ingest;

/** How a publish ended up: an ingest that runs, or a refusal the publisher hears as an RTMP status. */
sealed interface Admission {

    String BAD_NAME = "NetStream.Publish.BadName";
    String FAILED = "NetStream.Publish.Failed";

    record Admitted(Ingest ingest) implements Admission {
    }

    /** {@code code} and {@code description} go into the error {@code onStatus}; no key in either. */
    record Refused(String code, String description) implements Admission {
    }
}
