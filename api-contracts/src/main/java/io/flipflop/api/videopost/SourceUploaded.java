package io.flipflop.api.videopost;

import java.util.List;

/** Every part is up; the worker assembles and probes the source. */
public record SourceUploaded(long videoPostId, VideoPostState state, String uploadId, SourceFile source,
                             List<UploadedPart> parts)
        implements VideoPostEvent {
}
