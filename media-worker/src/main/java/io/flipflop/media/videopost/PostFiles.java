package io.flipflop.media.videopost;

import io.flipflop.api.videopost.VideoPostAsset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where a post's files are: {@code {root}/{videoPostId}/upload/{uploadId}/part-{n}} while uploading,
 * {@code source} once assembled, {@code work/} while a job runs and {@code out/} (CMAF segments, HLS and DASH
 * manifests, {@code thumbnail.jpg}) once processed; uploaded thumbnails and previews in {@code assets/} until
 * completed, then in {@code images/}. Only this class builds paths, from numbers and names it checks.
 */
public final class PostFiles {

    private final Path root;

    PostFiles(Path root) {
        this.root = root;
    }

    Path post(long videoPostId) {
        return root.resolve(Long.toString(videoPostId));
    }

    Path uploads(long videoPostId) {
        return post(videoPostId).resolve("upload");
    }

    Path upload(long videoPostId, String uploadId) {
        return uploads(videoPostId).resolve(checked(uploadId));
    }

    /** Where checked, re-encoded thumbnail and preview uploads wait for their completion. */
    Path assets(long videoPostId) {
        return post(videoPostId).resolve("assets");
    }

    /** The re-encoded file of an asset upload, until it completes: {@code assets/{uploadId}-thumbnail.jpg}. */
    Path stagedAsset(long videoPostId, VideoPostAsset asset, String uploadId) {
        return assets(videoPostId).resolve(checked(uploadId) + "-" + asset.fileName());
    }

    /** A completed thumbnail or preview upload. Transcoding writes only {@code out/}, so it never replaces one. */
    Path uploadedAsset(long videoPostId, VideoPostAsset asset) {
        return post(videoPostId).resolve("images").resolve(asset.fileName());
    }

    /** The thumbnail or preview the origin serves: the uploaded one if there is one, else the generated one. */
    Path shownAsset(long videoPostId, VideoPostAsset asset) {
        Path uploaded = uploadedAsset(videoPostId, asset);
        return Files.exists(uploaded) ? uploaded : out(videoPostId).resolve(asset.fileName());
    }

    private static String checked(String uploadId) {
        if (!uploadId.matches("[0-9a-fA-F-]{1,64}")) {
            throw new IllegalArgumentException("Not an upload id: " + uploadId);
        }
        return uploadId;
    }

    Path part(long videoPostId, String uploadId, int partNumber) {
        return upload(videoPostId, uploadId).resolve("part-" + partNumber);
    }

    Path source(long videoPostId) {
        return post(videoPostId).resolve("source");
    }

    Path work(long videoPostId) {
        return post(videoPostId).resolve("work");
    }

    Path out(long videoPostId) {
        return post(videoPostId).resolve("out");
    }

    /**
     * Bytes of all regular files under {@code dir}; 0 when it does not exist. ffmpeg writes and renames files while
     * this counts: a file that vanishes is skipped, and the count is then a lower bound that the next look repeats.
     */
    static long size(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        long total = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                try {
                    BasicFileAttributes file = Files.readAttributes(entry, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    total += file.isDirectory() ? size(entry) : file.size();
                } catch (IOException gone) {
                    // renamed or removed since it was listed
                }
            }
        } catch (IOException | DirectoryIteratorException changed) {
            // the directory changed while it was read; what was counted stands
        }
        return total;
    }

    /** Removes the directory {@code dir} if nothing is in it. */
    static void deleteIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException inUse) {
            // it holds files of the post: it stays
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes {@code path} and everything under it; nothing when it does not exist. */
    static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
