package io.flipflop.api.streamkey;

/** Output of a running ingest ({@code ?mode=} of the publish URL, reference §16). */
public enum OutputMode {
    CMAF, RTMP, RTMP_CMAF
}
