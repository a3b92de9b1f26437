package io.flipflop.api.streamkey;

/** Why an ingest or a CMAF publish stopped; {@code LEASE_EXPIRED} when the worker stopped renewing its lease. */
public enum IngestStopReason {
    PUBLISHER_DISCONNECTED, INGEST_FAILED, WORKER_STOPPED, LEASE_EXPIRED
}
