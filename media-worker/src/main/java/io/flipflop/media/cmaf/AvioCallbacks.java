package io.flipflop.media.cmaf;

import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.ffmpeg.avformat.Read_packet_Pointer_BytePointer_int;
import org.bytedeco.ffmpeg.avformat.Write_packet_Pointer_BytePointer_int;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The custom-AVIO read and write callbacks, one pair for the whole worker. JavaCPP can only allocate ten
 * native instances of a callback type per process, so a callback per stream would cap us at ten streams;
 * instead FFmpeg's {@code opaque} pointer says which stream's {@link Endpoint} a call is for.
 */
@Component
class AvioCallbacks implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AvioCallbacks.class);
    /** What FFmpeg takes as a generic failure of a write callback. */
    private static final int WRITE_FAILED = -1;

    private final Map<Long, Endpoint> endpoints = new ConcurrentHashMap<>();

    private final Read_packet_Pointer_BytePointer_int reader = new Read_packet_Pointer_BytePointer_int() {
        @Override
        public int call(Pointer opaque, BytePointer buf, int size) {
            Endpoint endpoint = endpoints.get(opaque.address());
            if (endpoint == null) {
                return AVERROR_EOF;
            }
            try {
                return endpoint.read(buf, size);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return AVERROR_EOF;
            } catch (RuntimeException e) {
                // Never let a Java exception unwind through FFmpeg's C frames.
                log.warn("AVIO read failed", e);
                return AVERROR_EOF;
            }
        }
    };

    private final Write_packet_Pointer_BytePointer_int writer = new Write_packet_Pointer_BytePointer_int() {
        @Override
        public int call(Pointer opaque, BytePointer buf, int size) {
            Endpoint endpoint = endpoints.get(opaque.address());
            if (endpoint == null) {
                return WRITE_FAILED;
            }
            try {
                endpoint.write(buf, size);
                return size;
            } catch (RuntimeException e) {
                log.warn("AVIO write failed", e);
                return WRITE_FAILED;
            }
        }
    };

    Read_packet_Pointer_BytePointer_int reader() {
        return reader;
    }

    Write_packet_Pointer_BytePointer_int writer() {
        return writer;
    }

    /** Routes calls made with the returned registration's {@code opaque} to {@code endpoint}, until closed. */
    Registration register(Endpoint endpoint) {
        LongPointer key = new LongPointer(1);
        endpoints.put(key.address(), endpoint);
        return new Registration(key);
    }

    @Override
    public void destroy() {
        reader.close();
        writer.close();
    }

    /** One stream's side of the callbacks; both run on that stream's packaging thread. */
    interface Endpoint {
        /** Fills {@code buf} with up to {@code size} bytes; returns the count, or AVERROR_EOF at the end. */
        int read(BytePointer buf, int size) throws InterruptedException;

        void write(BytePointer buf, int size);
    }

    final class Registration implements AutoCloseable {
        private final LongPointer key;

        private Registration(LongPointer key) {
            this.key = key;
        }

        /** The pointer to hand to {@code avio_alloc_context} as {@code opaque}. */
        Pointer opaque() {
            return key;
        }

        @Override
        public void close() {
            endpoints.remove(key.address());
            key.close();
        }
    }
}
