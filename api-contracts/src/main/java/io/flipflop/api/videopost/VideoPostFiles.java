package io.flipflop.api.videopost;

import java.util.List;

/** {@code file} of a post (reference §13.4). */
public record VideoPostFiles(FileView src, List<FileView> processed, List<ProcessedSummary> processedSummaries,
                             FileView preview, FileView thumbnail) {
}
