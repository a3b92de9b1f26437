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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Where a post's files are: {@code {root}/{videoPostId}/upload/{uploadId}/part-{n}} while uploading,
 * {@code source} once assembled, {@code work/} while a job runs and {@code out/} (CMAF segments, HLS and DASH
 * manifests, {@code thumbnail.jpg}) once processed; uploaded thumbnails and previews in {@code assets/} until
 * completed, then in {@code images/}. Only this class builds paths, from numbers and names it checks.
 */
public final class PostFiles {

    /** How long an upload that failed during a post's removal waits for the removal to finish. */
    private static final long REMOVAL_WAIT_SECONDS = 30;

    private final Path root;
    /** Posts whose files are being removed, each with the removal's end. */
    private final Map<Long, CompletableFuture<Void>> removing = new ConcurrentHashMap<>();

    PostFiles(Path root) {
        this.root = root;
    }

    /**
     * Removes a deleted post's files. While it runs, an upload writing under them may fail for that reason alone,
     * which {@link #removedMeanwhile} tells it.
     */
    void remove(long videoPostId) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        removing.put(videoPostId, done);
        try {
            delete(post(videoPostId));
        } finally {
            removing.remove(videoPostId, done);
            done.complete(null);
        }
    }

    /**
     * Whether the post's files were removed (the post deleted) while an upload wrote under them: waits for a removal
     * under way to finish, then removes what the upload put back meanwhile (a directory it created again, a file
     * that kept a directory from going). Without a removal, whether the post's directory is gone.
     */
    boolean removedMeanwhile(long videoPostId) {
        CompletableFuture<Void> underWay = removing.get(videoPostId);
        if (underWay == null) {
            return !Files.exists(post(videoPostId));
        }
        try {
            underWay.get(REMOVAL_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the removal's own failure is the processor's to report; ours is that the post is gone
        }
        delete(post(videoPostId));
        return true;
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
