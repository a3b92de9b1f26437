package io.flipflop.api.videopost;

import java.util.List;

/** A playable output of a post (reference §13.4): {@code MP4}, {@code CMAF_HLS} or {@code CMAF_MPEG_DASH}. */
public record ProcessedSummary(String format, long size, String url, Long masterPlaylistFileId,
                               List<Long> masterPlaylistFileIds, List<Long> mediaSegmentFileIds) {
}
