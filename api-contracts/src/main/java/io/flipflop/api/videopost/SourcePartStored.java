package io.flipflop.api.videopost;

/** A part of the current upload is on the worker's disk. */
public record SourcePartStored(long videoPostId, VideoPostState state, String uploadId, int partNumber,
                               long size, String eTag)
        implements VideoPostEvent {
}
