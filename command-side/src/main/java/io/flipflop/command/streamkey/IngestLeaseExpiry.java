package io.flipflop.command.streamkey;

/**
 * Payload of the ingest lease deadline. {@code ingestNo} names the ingest it was scheduled for, so a deadline
 * left over from an earlier ingest of the same key never stops a later one.
 */
record IngestLeaseExpiry(long ingestNo) {
}
