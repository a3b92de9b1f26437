package io.flipflop.media.videopost;

import io.flipflop.api.videopost.RecordAssetUpload;
import io.flipflop.api.videopost.VideoPostAsset;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.security.UploadUrlSigner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Stores a thumbnail or preview upload (reference §10.8): the body streams to a temporary file ({@link UploadStreams},
 * at most the declared size), which must then hold exactly the declared size and pass {@link AssetEncoder}. The
 * re-encoded file waits in {@code assets/} and the upload is recorded with the post; the uploaded bytes are removed
 * at once. A refusal (not what it claims, wrong size, a replaced upload, a deleted post) leaves no file behind and
 * the post's current thumbnail or preview as it was. Completion moves the file into place ({@link AssetPlacement}).
 */
class AssetUploads {

    private final PostFiles files;
    private final UploadUrlSigner signer;
    private final AssetEncoder encoder;
    private final PostCommands commands;
    private final Clock clock;

    /** What a stored upload answers: the bytes received and their MD5, the ETag to complete with. */
    record StoredAsset(long size, String eTag) {
    }

    AssetUploads(PostFiles files, UploadUrlSigner signer, AssetEncoder encoder, PostCommands commands, Clock clock) {
        this.files = files;
        this.signer = signer;
        this.encoder = encoder;
        this.commands = commands;
        this.clock = clock;
    }

    Mono<StoredAsset> store(long videoPostId, VideoPostAsset asset, String uploadId, long size, Instant expires,
                            String signature, Flux<DataBuffer> body) {
        UploadUrlSigner.AssetGrant grant = new UploadUrlSigner.AssetGrant(videoPostId, asset.pathName(), uploadId,
                size, expires);
        if (!signer.verify(grant, signature, Instant.now(clock))) {
            return UploadStreams.invalidUrl(body);
        }
        return Mono.fromCallable(() -> {
                    Path dir = files.assets(videoPostId);
                    Files.createDirectories(dir);
                    return dir.resolve(".incoming-" + asset.pathName() + "-" + UUID.randomUUID());
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(temp -> UploadStreams.write(temp, body, size, () -> new ApiException(
                                HttpStatus.PAYLOAD_TOO_LARGE, code(asset, "UPLOAD_TOO_LARGE"),
                                "The upload holds more than the declared " + size + " bytes"))
                        .flatMap(written -> Mono.fromCallable(() -> keep(grant, asset, temp, written))
                                .subscribeOn(Schedulers.boundedElastic()))
                        .doFinally(signal -> UploadStreams.deleteQuietly(temp)))
                .onErrorResume(failure -> Mono.fromCallable(() -> files.removedMeanwhile(videoPostId))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(removed -> Mono.error(removed ? postDeleted() : failure)));
    }

    /**
     * The post was deleted while its upload was stored, and its files with it: whatever failed then (a write into
     * a removed directory, ffmpeg's output, the record) failed for that reason.
     */
    private static ApiException postDeleted() {
        return ApiException.notFound("VIDEO_POST_NOT_FOUND", "No such video post");
    }

    private StoredAsset keep(UploadUrlSigner.AssetGrant grant, VideoPostAsset asset, Path temp,
                             UploadStreams.Written written) throws IOException, InterruptedException {
        if (written.size() != grant.size()) {
            throw ApiException.badRequest(code(asset, "UPLOAD_SIZE_MISMATCH"), "The upload holds "
                    + written.size() + " bytes; the declared size is " + grant.size());
        }
        Path staged = files.stagedAsset(grant.videoPostId(), asset, grant.uploadId());
        Path encoding = staged.resolveSibling(".encoding-" + UUID.randomUUID() + "-" + asset.fileName());
        try {
            encoder.encode(asset, temp, encoding);
            // whole or not at all: a PUT of the same URL again replaces the file once its own encode is done
            Files.move(encoding, staged, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (SourceProber.UnusableSource unusable) {
            throw ApiException.badRequest("INVALID_VIDEO_POST_" + asset.name() + "_FILE", unusable.getMessage());
        } finally {
            Files.deleteIfExists(encoding);
            Files.deleteIfExists(temp); // the uploaded bytes are never kept
        }
        try {
            commands.send(new RecordAssetUpload(grant.videoPostId(), asset, grant.uploadId(), written.size(),
                    written.eTag(), Files.size(staged)));
        } catch (RuntimeException refused) {
            Files.deleteIfExists(staged);
            if (refused instanceof ApiException notFound && notFound.status() == HttpStatus.NOT_FOUND) {
                // a deleted post's directory is gone; the upload leaves no empty one behind
                PostFiles.deleteIfEmpty(staged.getParent());
                PostFiles.deleteIfEmpty(staged.getParent().getParent());
            }
            throw refused;
        }
        return new StoredAsset(written.size(), written.eTag());
    }

    private static String code(VideoPostAsset asset, String what) {
        return "VIDEO_POST_" + asset.name() + "_" + what;
    }
}
