package io.flipflop.command.videopost;

import io.flipflop.api.app.AppRef;
import io.flipflop.api.transcoding.ChosenProfile;
import io.flipflop.api.transcoding.ChosenProfiles;
import io.flipflop.api.videopost.FileView;
import io.flipflop.api.videopost.ProcessedOutput;
import io.flipflop.api.videopost.ProcessedSummary;
import io.flipflop.api.videopost.TranscodingProfileRefs;
import io.flipflop.api.videopost.UploadedAsset;
import io.flipflop.api.videopost.VideoPostAsset;
import io.flipflop.api.videopost.VideoPostDetails;
import io.flipflop.api.videopost.VideoPostFiles;
import io.flipflop.api.videopost.VideoPostProcessing;
import io.flipflop.api.videopost.VideoPostView;
import io.flipflop.api.videoroom.MemberRef;
import io.flipflop.api.videoroom.VideoRoomStats;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * A post as the write endpoints answer it (reference §13.4). Files have no ids of their own here: a file's
 * {@code id} is the post's. Output URLs are paths on this server's playback origin ({@code /vod/...}).
 */
public final class VideoPostViews {

    public static final String THUMBNAIL_FORMAT = "JPEG";
    public static final String PREVIEW_FORMAT = "PREVIEW";
    /** Outputs shown as {@code file.thumbnail} and {@code file.preview}, not as playable summaries. */
    private static final Set<String> PICTURES = Set.of(THUMBNAIL_FORMAT, PREVIEW_FORMAT);
    private static final String ACTIVE = "ACTIVE";
    private static final TranscodingProfileRefs NO_PROFILES = new TranscodingProfileRefs(null, null, null);

    private VideoPostViews() {
    }

    /** {@code profileState} answers a chosen profile's state now (ACTIVE or DELETED). */
    public static VideoPostView view(VideoPostSnapshot post, AppRef app, MemberRef member,
                                     LongFunction<String> profileState) {
        VideoPostDetails details = post.details();
        long id = post.videoPostId();
        FileView src = post.source() == null ? null : FileView.active(id, "VIDEO_POST_SRC",
                post.source().contentType(), post.source().size(), post.source().filename(), null);
        List<ProcessedOutput> outputs = post.outputs();
        FileView thumbnail = shown(id, VideoPostAsset.THUMBNAIL, post.assets().get(VideoPostAsset.THUMBNAIL),
                file(id, outputs, THUMBNAIL_FORMAT, "VIDEO_POST_THUMBNAIL", "image/jpeg"));
        FileView preview = shown(id, VideoPostAsset.PREVIEW, post.assets().get(VideoPostAsset.PREVIEW),
                file(id, outputs, PREVIEW_FORMAT, "VIDEO_POST_PREVIEW", "video/mp4"));
        List<ProcessedSummary> summaries = outputs.stream().filter(o -> !PICTURES.contains(o.format()))
                .map(o -> new ProcessedSummary(o.format(), o.size(), o.url(), null, List.of(), List.of()))
                .toList();
        return new VideoPostView(id, ACTIVE, post.state(), post.type(), details.accessLevel(), app, member,
                post.creatorType(), post.creatorId(), post.videoRoom(), details.title(), details.description(),
                details.customData(), details.category(), details.tags(), new VideoRoomStats(post.allowlistSize()),
                profiles(post.profiles(), profileState), new VideoPostFiles(src, List.of(), summaries, preview, thumbnail),
                new VideoPostProcessing(post.percent(), post.fps(), post.etaSeconds(), post.attempt(),
                        post.failureReason(), post.probe(), post.renditions()),
                post.uploadedAt(), post.uploadFailedAt(), post.createdAt(), post.lastModifiedAt());
    }

    /** An uploaded thumbnail or preview is shown in place of the generated one (docs/API.md). */
    private static FileView shown(long videoPostId, VideoPostAsset kind, UploadedAsset asset, FileView generated) {
        return asset == null ? generated : FileView.active(videoPostId, "VIDEO_POST_" + kind.name(),
                asset.contentType(), asset.size(), asset.originalFileName(), asset.url());
    }

    private static FileView file(long id, List<ProcessedOutput> outputs, String format, String type,
                                 String contentType) {
        return outputs.stream().filter(o -> format.equals(o.format())).findFirst()
                .map(o -> FileView.active(id, type, contentType, o.size(), null, o.url()))
                .orElse(null);
    }

    private static TranscodingProfileRefs profiles(ChosenProfiles chosen, LongFunction<String> state) {
        if (chosen == null) {
            return NO_PROFILES;
        }
        return new TranscodingProfileRefs(ref(chosen.video(), state), ref(chosen.preview(), state),
                ref(chosen.thumbnail(), state));
    }

    private static TranscodingProfileRefs.Ref ref(ChosenProfile profile, LongFunction<String> state) {
        return profile == null ? null : new TranscodingProfileRefs.Ref(profile.id(), state.apply(profile.id()),
                profile.type(), profile.name());
    }
}
