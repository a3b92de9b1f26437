package io.flipflop.command.videopost;

import io.flipflop.api.transcoding.ChosenProfiles;
import io.flipflop.api.videopost.ProcessedOutput;
import io.flipflop.api.videopost.Rendition;
import io.flipflop.api.videopost.SourceFile;
import io.flipflop.api.videopost.SourceProbe;
import io.flipflop.api.videopost.UploadedAsset;
import io.flipflop.api.videopost.VideoPostAsset;
import io.flipflop.api.videopost.VideoPostDetails;
import io.flipflop.api.videopost.VideoPostState;
import io.flipflop.api.videopost.VideoPostType;
import io.flipflop.api.videoroom.CreatorType;
import io.flipflop.api.videoroom.VideoRoomRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a video post command handler answers: the post right after the command, for read-your-writes answers.
 * {@code videoRoom} is the room of a LIVE_RECORDED post, as it was when the post was made; {@code assets} the
 * uploaded thumbnail and preview; {@code profiles} the transcoding profiles chosen (null for an archive's post, or
 * one made before profiles existed).
 */
public record VideoPostSnapshot(long videoPostId, long appId, long memberId, String appUserId, VideoPostType type,
                                VideoPostDetails details, CreatorType creatorType, long creatorId,
                                VideoPostState state, int allowlistSize, String uploadId, SourceFile source,
                                int partCount, SourceProbe probe, Double percent, Double fps, Long etaSeconds,
                                Integer attempt, String failureReason, List<Rendition> renditions,
                                List<ProcessedOutput> outputs, Instant uploadedAt, Instant uploadFailedAt,
                                Instant createdAt, Instant lastModifiedAt, VideoRoomRef videoRoom,
                                Map<VideoPostAsset, UploadedAsset> assets, ChosenProfiles profiles) {
}
