package io.flipflop.media.cmaf;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_move_ref;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.av_find_input_format;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avio_context_free;
import static org.bytedeco.ffmpeg.global.avformat.avio_flush;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;

/**
 * Remuxes one published stream, without re-encoding, from FLV to fragmented MP4 (CMAF) with libavformat,
 * entirely in memory: FFmpeg reads the FLV bytes from a {@link BytePipe} and writes MP4 bytes back to Java
 * through custom AVIO callbacks. The {@link Segmenter} decides where each fragment ends
 * ({@code frag_custom}: Java flushes the muxer), so every fragment is exactly one LL-HLS part.
 *
 * <p>Each packet is held until the next one of its track arrives, so its exact duration is known when it is
 * written; otherwise the last sample of every fragment would have a guessed duration and the fragments' decode
 * times would drift. One instance per stream, used by one thread; {@link #run} frees every native object it
 * allocated before returning.
 */
final class Remuxer implements AvioCallbacks.Endpoint {

    /** Missing from the JavaCPP 1.5.14 bindings: the caller owns the AVIOContext. */
    static final int AVFMT_FLAG_CUSTOM_IO = 0x0080;
    private static final int IO_BUFFER_SIZE = 64 * 1024;
    /**
     * cmaf: iso6/cmfc brands and CMAF constraints; frag_custom: we decide fragment boundaries; empty_moov: the
     * init segment carries no samples; default_base_moof: fragments are self-contained (tfdt, no absolute
     * offsets), as CMAF chunks must be; skip_trailer: a live stream has no mfra index.
     */
    static final String MOVFLAGS = "+cmaf+frag_custom+empty_moov+default_base_moof+skip_trailer";

    private final AvioCallbacks callbacks;
    private final BytePipe input;
    private final Segmenter segmenter;
    private final Output output;
    private final CmafSettings settings;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();

    // Native state, all created and freed by run() on the packaging thread.
    private AVRational millis;
    private AVFormatContext in;
    private AVFormatContext out;
    private AVPacket packet;
    private AVPacket[] held = new AVPacket[0];

    // Per output track: input stream → track, the held packet's times, the previous packet's duration.
    private int[] trackOfStream;
    private int reference;
    private AVRational[] outTimeBase;
    private Held[] heldInfo;
    private long[] lastDuration;
    private Timeline timeline;
    private boolean started;

    Remuxer(AvioCallbacks callbacks, BytePipe input, CmafSettings settings, Output output) {
        this.callbacks = callbacks;
        this.input = input;
        this.settings = settings;
        this.output = output;
        this.segmenter = new Segmenter(settings.partDuration().toMillis(), settings.segmentDuration().toMillis(),
                settings.maxSegmentDuration().toMillis());
    }

    /** Where the init segment and the parts go, on the packaging thread. */
    interface Output {
        void init(byte[] initSegment);

        void part(Segmenter.ClosedPart part, byte[] fragment);
    }

    /**
     * Reads until the input ends, then flushes the last part. Throws {@link FfmpegException} on an FFmpeg
     * error; either way all native memory is freed.
     */
    void run() {
        try (PointerScope scope = new PointerScope(); AvioCallbacks.Registration io = callbacks.register(this)) {
            millis = new AVRational().num(1).den(1000);
            AVIOContext inIo = null;
            AVIOContext outIo = null;
            try {
                inIo = avio_alloc_context(new BytePointer(av_malloc(IO_BUFFER_SIZE)), IO_BUFFER_SIZE, 0,
                        io.opaque(), callbacks.reader(), null, null);
                outIo = avio_alloc_context(new BytePointer(av_malloc(IO_BUFFER_SIZE)), IO_BUFFER_SIZE, 1,
                        io.opaque(), null, callbacks.writer(), null);
                openInput(inIo);
                openOutput(outIo);
                remux();
            } finally {
                free(inIo, outIo);
            }
        }
    }

    private void openInput(AVIOContext inIo) {
        in = avformat_alloc_context();
        in.pb(inIo);
        in.flags(in.flags() | AVFMT_FLAG_CUSTOM_IO);
        AVDictionary options = new AVDictionary(null);
        // Start as soon as both tracks are known instead of probing frame rates for 20 frames.
        av_dict_set(options, "fpsprobesize", "0", 0);
        int ret = avformat_open_input(in, (String) null, av_find_input_format("flv"), options);
        av_dict_free(options);
        if (ret < 0) {
            in = null; // avformat_open_input freed it
            throw new FfmpegException("opening the FLV input", ret);
        }
        check(avformat_find_stream_info(in, (AVDictionary) null), "reading the stream parameters");
    }

    private void openOutput(AVIOContext outIo) {
        out = new AVFormatContext(null);
        check(avformat_alloc_output_context2(out, null, "mp4", (String) null), "creating the MP4 muxer");
        out.pb(outIo);
        int inputs = in.nb_streams();
        int[] map = new int[inputs];
        Arrays.fill(map, -1);
        int video = -1;
        int audio = -1;
        for (int i = 0; i < inputs; i++) {
            AVCodecParameters par = in.streams(i).codecpar();
            boolean isVideo = par.codec_type() == AVMEDIA_TYPE_VIDEO && video < 0;
            boolean isAudio = par.codec_type() == AVMEDIA_TYPE_AUDIO && audio < 0;
            if (!isVideo && !isAudio) {
                continue;
            }
            AVStream stream = avformat_new_stream(out, null);
            check(avcodec_parameters_copy(stream.codecpar(), par), "copying codec parameters");
            stream.codecpar().codec_tag(0);
            stream.time_base(in.streams(i).time_base());
            map[i] = stream.index();
            if (isVideo) {
                video = stream.index();
            } else {
                audio = stream.index();
            }
        }
        if (video < 0 && audio < 0) {
            throw new FfmpegException("the stream has neither audio nor video", 0);
        }
        AVDictionary options = new AVDictionary(null);
        av_dict_set(options, "movflags", MOVFLAGS, 0);
        int ret = avformat_write_header(out, options);
        av_dict_free(options);
        check(ret, "writing the init segment");
        avio_flush(out.pb());
        output.init(takeWritten());

        int tracks = out.nb_streams();
        trackOfStream = map;
        reference = video >= 0 ? video : audio;
        outTimeBase = new AVRational[tracks];
        held = new AVPacket[tracks];
        heldInfo = new Held[tracks];
        lastDuration = new long[tracks];
        Arrays.fill(lastDuration, 1);
        for (int t = 0; t < tracks; t++) {
            outTimeBase[t] = out.streams(t).time_base();
            held[t] = av_packet_alloc();
        }
        packet = av_packet_alloc();
        timeline = new Timeline(tracks, settings.partDuration().toMillis(), settings.maxSegmentDuration().toMillis());
    }

    private void remux() {
        int ret;
        while ((ret = av_read_frame(in, packet)) >= 0) {
            take(packet);
            av_packet_unref(packet);
        }
        if (ret != AVERROR_EOF) {
            throw new FfmpegException("reading the FLV input", ret);
        }
        releaseAll();
        Segmenter.ClosedPart last = segmenter.finish();
        if (last != null) {
            flush(last);
        }
        check(av_write_trailer(out), "finishing the MP4 output");
        written.reset();
    }

    private void take(AVPacket p) {
        int index = p.stream_index();
        int track = index < trackOfStream.length ? trackOfStream[index] : -1;
        if (track < 0 || p.dts() == AV_NOPTS_VALUE) {
            return;
        }
        boolean key = (p.flags() & AV_PKT_FLAG_KEY) != 0;
        if (!started) {
            // Players can only start at a keyframe: drop whatever precedes the first one.
            if (track != reference || !key) {
                return;
            }
            started = true;
        }
        AVRational tb = in.streams(index).time_base();
        long dts = av_rescale_q(p.dts(), tb, millis);
        long pts = p.pts() == AV_NOPTS_VALUE ? dts : av_rescale_q(p.pts(), tb, millis);
        Timeline.Stamp stamp = timeline.place(track, dts, pts);
        if (heldInfo[track] != null) {
            release(track, stamp.dts() - heldInfo[track].dts);
        }
        av_packet_move_ref(held[track], p);
        heldInfo[track] = new Held(stamp.dts(), stamp.pts(), key, stamp.discontinuity());
    }

    /** At the end, the held packets go out in decode order, each as long as its track's previous one. */
    private void releaseAll() {
        while (true) {
            int next = -1;
            for (int t = 0; t < heldInfo.length; t++) {
                if (heldInfo[t] != null && (next < 0 || heldInfo[t].dts < heldInfo[next].dts)) {
                    next = t;
                }
            }
            if (next < 0) {
                return;
            }
            release(next, lastDuration[next]);
        }
    }

    private void release(int track, long duration) {
        Held h = heldInfo[track];
        Segmenter.ClosedPart closed = segmenter.next(
                new Segmenter.Packet(track == reference, h.keyframe, h.dts, duration, h.discontinuity));
        if (closed != null) {
            flush(closed);
        }
        AVPacket p = held[track];
        AVRational tb = outTimeBase[track];
        p.stream_index(track);
        p.dts(av_rescale_q(h.dts, millis, tb));
        p.pts(av_rescale_q(h.pts, millis, tb));
        p.duration(av_rescale_q(duration, millis, tb));
        p.pos(-1);
        int ret = av_write_frame(out, p);
        av_packet_unref(p);
        heldInfo[track] = null;
        lastDuration[track] = duration;
        check(ret, "writing a packet");
    }

    private void flush(Segmenter.ClosedPart closed) {
        check(av_write_frame(out, null), "closing a fragment");
        avio_flush(out.pb());
        byte[] fragment = takeWritten();
        if (fragment.length > 0) {
            output.part(closed, fragment);
        }
    }

    private byte[] takeWritten() {
        byte[] bytes = written.toByteArray();
        written.reset();
        return bytes;
    }

    @Override
    public int read(BytePointer buf, int size) throws InterruptedException {
        int n = input.read((source, offset, length) -> buf.position(0).put(source, offset, length), size);
        return n < 0 ? AVERROR_EOF : n;
    }

    @Override
    public void write(BytePointer buf, int size) {
        byte[] bytes = new byte[size];
        buf.position(0).get(bytes);
        written.write(bytes, 0, size);
    }

    private void free(AVIOContext inIo, AVIOContext outIo) {
        for (AVPacket p : held) {
            if (p != null) {
                av_packet_free(p);
            }
        }
        if (packet != null) {
            av_packet_free(packet);
        }
        if (in != null && !in.isNull()) {
            avformat_close_input(in);
        }
        if (out != null && !out.isNull()) {
            avformat_free_context(out);
        }
        // With custom IO the contexts and their buffers are ours; FFmpeg may have replaced the buffer.
        for (AVIOContext io : new AVIOContext[]{inIo, outIo}) {
            if (io != null && !io.isNull()) {
                av_free(io.buffer());
                avio_context_free(io);
            }
        }
    }

    private static void check(int ret, String what) {
        if (ret < 0) {
            throw new FfmpegException(what, ret);
        }
    }

    private record Held(long dts, long pts, boolean keyframe, boolean discontinuity) {
    }

    /** An FFmpeg call failed; the message carries FFmpeg's own error text. */
    static final class FfmpegException extends RuntimeException {
        FfmpegException(String what, int code) {
            super(what + " failed: " + describe(code));
        }

        private static String describe(int code) {
            if (code == 0) {
                return "no usable track";
            }
            byte[] text = new byte[256];
            av_strerror(code, text, text.length);
            int end = 0;
            while (end < text.length && text[end] != 0) {
                end++;
            }
            return new String(text, 0, end, StandardCharsets.UTF_8) + " (" + code + ")";
        }
    }
}
