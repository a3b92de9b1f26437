package io.flipflop.media.videopost;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipflop.api.videopost.AssetUploaded;
import io.flipflop.api.videopost.UploadedAsset;
import io.flipflop.api.videopost.VideoPostAsset;
import io.flipflop.api.videopost.VideoPostState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A completed thumbnail upload is put where the origin serves it, before the generated thumbnail; uploads requested
 * before it and never completed are removed, a newer one stays; a replayed completion changes nothing.
 */
class AssetPlacementTest {

    private static final long POST = 77;
    private static final String OLDER = "00000000-0000-0000-0000-000000000001";
    private static final String DONE = "00000000-0000-0000-0000-000000000002";
    private static final String NEWER = "00000000-0000-0000-0000-000000000003";
    private static final AssetUploaded COMPLETED = new AssetUploaded(POST, VideoPostState.PROCESSED,
            VideoPostAsset.THUMBNAIL, DONE,
            new UploadedAsset("/vod/77/images/thumbnail.jpg", "image/jpeg", 4, "a.png"));

    @TempDir
    Path root;
    PostFiles files;
    AssetPlacement placement;

    @BeforeEach
    void aPostWithAGeneratedThumbnailAndThreeUploads() throws Exception {
        files = new PostFiles(root);
        placement = new AssetPlacement(files);
        Files.createDirectories(files.out(POST));
        Files.writeString(files.out(POST).resolve("thumbnail.jpg"), "generated");
        Files.createDirectories(files.assets(POST));
        Instant now = Instant.now();
        stage(OLDER, "older", now.minusSeconds(20));
        stage(DONE, "uploaded", now.minusSeconds(10));
        stage(NEWER, "newer", now);
        Files.writeString(files.stagedAsset(POST, VideoPostAsset.PREVIEW, OLDER), "a preview");
    }

    @Test
    void theCompletedUploadIsServedAndOnlyOlderUploadsOfItsKindAreRemoved() throws Exception {
        assertThat(files.shownAsset(POST, VideoPostAsset.THUMBNAIL)).hasContent("generated");
        placement.on(COMPLETED);
        assertThat(files.shownAsset(POST, VideoPostAsset.THUMBNAIL)).isEqualTo(
                files.uploadedAsset(POST, VideoPostAsset.THUMBNAIL)).hasContent("uploaded");
        assertThat(files.stagedAsset(POST, VideoPostAsset.THUMBNAIL, OLDER)).doesNotExist();
        assertThat(files.stagedAsset(POST, VideoPostAsset.THUMBNAIL, DONE)).doesNotExist();
        assertThat(files.stagedAsset(POST, VideoPostAsset.THUMBNAIL, NEWER)).hasContent("newer");
        assertThat(files.stagedAsset(POST, VideoPostAsset.PREVIEW, OLDER)).hasContent("a preview");
        assertThat(files.out(POST).resolve("thumbnail.jpg")).hasContent("generated");
    }

    @Test
    void aReplayedCompletionChangesNothing() throws Exception {
        placement.on(COMPLETED);
        Files.writeString(files.uploadedAsset(POST, VideoPostAsset.THUMBNAIL), "uploaded later");
        placement.on(COMPLETED);
        assertThat(files.shownAsset(POST, VideoPostAsset.THUMBNAIL)).hasContent("uploaded later");
        assertThat(files.stagedAsset(POST, VideoPostAsset.THUMBNAIL, NEWER)).hasContent("newer");
    }

    private void stage(String uploadId, String content, Instant written) throws Exception {
        Path staged = files.stagedAsset(POST, VideoPostAsset.THUMBNAIL, uploadId);
        Files.writeString(staged, content);
        Files.setLastModifiedTime(staged, FileTime.from(written));
    }
}
