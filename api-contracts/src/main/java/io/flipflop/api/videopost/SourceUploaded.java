package io.flipflop.api.videopost;

import io.flipflop.api.transcoding.ChosenProfiles;
import java.util.List;

/** Every part is up; the worker assembles and probes the source and queues its job with {@code profiles}. */
public record SourceUploaded(long videoPostId, VideoPostState state, String uploadId, SourceFile source,
                             List<UploadedPart> parts, ChosenProfiles profiles)
        implements VideoPostEvent {
}
