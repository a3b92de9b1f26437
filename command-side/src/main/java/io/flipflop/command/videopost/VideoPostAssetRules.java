package io.flipflop.command.videopost;

import io.flipflop.api.videopost.SourceFile;
import io.flipflop.api.videopost.VideoPostAsset;
import io.flipflop.platform.error.DomainRejection;
import java.util.Locale;
import java.util.Set;

/**
 * What a client may declare for a thumbnail or preview upload (reference §10.8; the limits are ours, documented in
 * docs/API.md). The declaration proves nothing about the bytes: the media worker checks and re-encodes them.
 * Invariants of {@link VideoPost}.
 */
public final class VideoPostAssetRules {

    static final long MAX_THUMBNAIL_BYTES = 10L << 20;
    static final long MAX_PREVIEW_BYTES = 100L << 20;
    private static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/webp");

    private VideoPostAssetRules() {
    }

    static void checkFile(VideoPostAsset asset, SourceFile file) {
        if (file.filename() == null || file.filename().isBlank()) {
            throw new DomainRejection("EMPTY_VIDEO_POST_FILENAME", "filename is required");
        }
        if (file.size() <= 0) {
            throw new DomainRejection("INVALID_VIDEO_POST_FILE_SIZE", "size must be a positive number of bytes");
        }
        long limit = asset == VideoPostAsset.THUMBNAIL ? MAX_THUMBNAIL_BYTES : MAX_PREVIEW_BYTES;
        if (file.size() > limit) {
            throw new DomainRejection(code(asset, "SIZE_UPPER_LIMIT_EXCEEDED"),
                    "A " + name(asset) + " may have at most " + limit + " bytes");
        }
        String type = file.contentType() == null ? "" : file.contentType().toLowerCase(Locale.ROOT);
        boolean accepted = asset == VideoPostAsset.THUMBNAIL ? IMAGE_TYPES.contains(type) : type.startsWith("video/");
        if (!accepted) {
            throw new DomainRejection("UNSUPPORTED_VIDEO_POST_" + asset.name() + "_CONTENT_TYPE",
                    "contentType must be " + (asset == VideoPostAsset.THUMBNAIL ? String.join(", ", IMAGE_TYPES)
                            : "a video/* type") + ", was " + file.contentType());
        }
    }

    /** {@code VIDEO_POST_THUMBNAIL_...} or {@code VIDEO_POST_PREVIEW_...}. */
    static String code(VideoPostAsset asset, String what) {
        return "VIDEO_POST_" + asset.name() + "_" + what;
    }

    static String name(VideoPostAsset asset) {
        return asset.name().toLowerCase(Locale.ROOT);
    }
}
