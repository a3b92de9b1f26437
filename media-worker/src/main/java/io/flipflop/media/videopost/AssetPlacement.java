package io.flipflop.media.videopost;

import io.flipflop.api.videopost.AssetUploaded;
import io.flipflop.api.videopost.VideoPostAsset;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * Puts a completed thumbnail or preview upload in place ({@code images/}), where the origin serves it instead of the
 * generated one, and removes the waiting files of the same kind that are older: uploads requested before it and
 * never completed. A newer one may still complete, so it stays. In the post's media group, so in order with its
 * deletion; a replayed completion finds its file moved already and does nothing.
 */
@ProcessingGroup(PostMediaProcessing.PROCESSING_GROUP)
class AssetPlacement {

    private final PostFiles files;

    AssetPlacement(PostFiles files) {
        this.files = files;
    }

    @EventHandler
    void on(AssetUploaded event) throws IOException {
        long id = event.videoPostId();
        VideoPostAsset asset = event.asset();
        Path staged = files.stagedAsset(id, asset, event.uploadId());
        if (!Files.exists(staged)) {
            return;
        }
        FileTime written = Files.getLastModifiedTime(staged);
        Path shown = files.uploadedAsset(id, asset);
        Files.createDirectories(shown.getParent());
        Files.move(staged, shown, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        try (DirectoryStream<Path> waiting = Files.newDirectoryStream(files.assets(id), "*-" + asset.fileName())) {
            for (Path other : waiting) {
                // names starting with a dot are files still being written by an upload
                if (!other.getFileName().toString().startsWith(".")
                        && Files.getLastModifiedTime(other).compareTo(written) <= 0) {
                    Files.deleteIfExists(other);
                }
            }
        }
    }
}
