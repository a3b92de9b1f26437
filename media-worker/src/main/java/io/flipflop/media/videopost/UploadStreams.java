package io.flipflop.media.videopost;

import io.flipflop.platform.error.ApiException;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The part of every upload PUT that touches bytes: the body streams buffer by buffer into a new file (never whole
 * in memory, and the event loop never waits on the disk) while its MD5, the ETag as S3 answers it, is computed and
 * its size held to a limit.
 */
final class UploadStreams {

    /** What a body wrote: its size and MD5 (hex). */
    record Written(long size, String eTag) {
    }

    private UploadStreams() {
    }

    /** The refusal of a URL whose signature is wrong or expired; the body is drained and dropped. */
    static <T> Mono<T> invalidUrl(Flux<DataBuffer> body) {
        return Flux.from(body).doOnNext(DataBufferUtils::release).then(Mono.error(() -> new ApiException(
                HttpStatus.FORBIDDEN, "INVALID_UPLOAD_URL", "The upload URL is not valid or has expired")));
    }

    /** Writes {@code body} into the new file {@code target}; past {@code limit} bytes it fails with tooLarge. */
    static Mono<Written> write(Path target, Flux<DataBuffer> body, long limit, Supplier<ApiException> tooLarge) {
        MessageDigest md5 = md5();
        long[] size = {0};
        Flux<DataBuffer> counted = Flux.from(body).doOnNext(buffer -> {
            size[0] += buffer.readableByteCount();
            if (size[0] > limit) {
                throw tooLarge.get();
            }
            try (DataBuffer.ByteBufferIterator chunks = buffer.readableByteBuffers()) {
                chunks.forEachRemaining(md5::update);
            }
        });
        return DataBufferUtils.write(counted, target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                .then(Mono.fromSupplier(() -> new Written(size[0], HexFormat.of().formatHex(md5.digest()))));
    }

    static void deleteQuietly(Path file) {
        try {
            java.nio.file.Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is removed with the post
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }
}
