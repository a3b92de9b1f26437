package io.flipflop.media.videopost;

import io.flipflop.api.videopost.RecordSourcePart;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.security.UploadUrlSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Stores the parts of a source upload (reference §10.6) on this worker's disk. A part streams into a temporary file
 * ({@link UploadStreams}) while its MD5 (the ETag) is computed; it may not take the parts of the upload past the
 * declared source size. Only then does it replace any earlier copy of the same part (uploads resume per part) and is
 * recorded with the post, which refuses a part of a replaced upload.
 */
public class PartUploads {

    private final PostFiles files;
    private final UploadUrlSigner signer;
    private final PostCommands commands;
    private final Clock clock;

    /** What a stored part answers. */
    public record StoredPart(int partNumber, long size, String eTag) {
    }

    public PartUploads(PostFiles files, UploadUrlSigner signer, PostCommands commands, Clock clock) {
        this.files = files;
        this.signer = signer;
        this.commands = commands;
        this.clock = clock;
    }

    public Mono<StoredPart> store(UploadUrlSigner.PartGrant grant, String signature, Flux<DataBuffer> body) {
        if (!signer.verify(grant, signature, Instant.now(clock))) {
            return UploadStreams.invalidUrl(body);
        }
        return Mono.fromCallable(() -> prepare(grant)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(temp -> write(temp, grant, body)
                        .flatMap(written -> Mono.fromCallable(() -> keep(temp, grant, written))
                                .subscribeOn(Schedulers.boundedElastic()))
                        .doOnError(e -> UploadStreams.deleteQuietly(temp)));
    }

    private Path prepare(UploadUrlSigner.PartGrant grant) throws IOException {
        Path dir = files.upload(grant.videoPostId(), grant.uploadId());
        Files.createDirectories(dir);
        return dir.resolve(".incoming-" + grant.partNumber() + "-" + UUID.randomUUID());
    }

    private Mono<UploadStreams.Written> write(Path temp, UploadUrlSigner.PartGrant grant, Flux<DataBuffer> body) {
        return UploadStreams.write(temp, body, grant.sourceSize() - otherParts(grant), () -> new ApiException(
                HttpStatus.PAYLOAD_TOO_LARGE, "VIDEO_POST_UPLOAD_PART_TOO_LARGE",
                "The parts would hold more than the declared " + grant.sourceSize() + " bytes"));
    }

    /** Replaces the part, then records it; a refused part (a replaced upload, a post that moved on) is removed. */
    private StoredPart keep(Path temp, UploadUrlSigner.PartGrant grant, UploadStreams.Written written)
            throws IOException {
        if (written.size() == 0) {
            throw ApiException.badRequest("EMPTY_VIDEO_POST_UPLOAD_PART", "A part needs at least one byte");
        }
        Path part = files.part(grant.videoPostId(), grant.uploadId(), grant.partNumber());
        Files.move(temp, part, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        try {
            commands.send(new RecordSourcePart(grant.videoPostId(), grant.uploadId(), grant.partNumber(),
                    written.size(), written.eTag()));
        } catch (RuntimeException refused) {
            Files.deleteIfExists(part);
            throw refused;
        }
        return new StoredPart(grant.partNumber(), written.size(), written.eTag());
    }

    /** Bytes of the upload's other parts already stored, so the parts never hold more than the declared size. */
    private long otherParts(UploadUrlSigner.PartGrant grant) {
        Path dir = files.upload(grant.videoPostId(), grant.uploadId());
        String self = "part-" + grant.partNumber();
        try (Stream<Path> parts = Files.list(dir)) {
            return parts.filter(p -> p.getFileName().toString().startsWith("part-")
                    && !p.getFileName().toString().equals(self)).mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException gone) {
                            return 0;
                        }
                    }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
