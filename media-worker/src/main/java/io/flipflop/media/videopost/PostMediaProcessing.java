package io.flipflop.media.videopost;

import io.flipflop.api.transcoding.ChosenProfiles;
import io.flipflop.api.videopost.FailQueuing;
import io.flipflop.api.videopost.FailSourceUpload;
import io.flipflop.api.videopost.ProcessingFailed;
import io.flipflop.api.videopost.QueueTranscoding;
import io.flipflop.api.videopost.SourceProbe;
import io.flipflop.api.videopost.SourceUploaded;
import io.flipflop.api.videopost.TranscodingRetryRequested;
import io.flipflop.api.videopost.VideoPostDeleted;
import io.flipflop.api.videopost.VideoPostState;
import io.flipflop.platform.error.ApiException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * What the media worker does when a post moves: a completed upload is assembled from its parts (streamed, file to
 * file) and probed; a usable source is queued (QUEUED), an unusable one fails the upload (FAILED_UPLOAD with the
 * reason). A cancelled job is killed; a retried one runs again; a deleted post loses its job and every file. Posts' files are on this worker's
 * disk, so the group runs in one processor (one segment) per deployment: with several media workers they share the
 * posts volume.
 */
@ProcessingGroup(PostMediaProcessing.PROCESSING_GROUP)
class PostMediaProcessing {

    static final String PROCESSING_GROUP = "video-post-media";
    /** The reason a post's job fails with when the app cancels it. */
    static final String CANCELLED = "CANCELLED";

    private final PostFiles files;
    private final SourceProber prober;
    private final TranscodingJobs jobs;
    private final TranscodingWorker worker;
    private final Transcoder transcoder;
    private final PostCommands commands;

    PostMediaProcessing(PostFiles files, SourceProber prober, TranscodingJobs jobs, TranscodingWorker worker,
                        Transcoder transcoder, PostCommands commands) {
        this.files = files;
        this.prober = prober;
        this.jobs = jobs;
        this.worker = worker;
        this.transcoder = transcoder;
        this.commands = commands;
    }

    @EventHandler
    void on(SourceUploaded event) throws IOException, InterruptedException {
        long id = event.videoPostId();
        Path source = files.source(id);
        Path parts = files.upload(id, event.uploadId());
        if (Files.isDirectory(parts)) {
            assemble(parts, event.parts().size(), source);
        } else if (!Files.exists(source)) {
            return; // a replay of an upload whose files are gone (the post was deleted); nothing to do
        }
        PostFiles.delete(files.uploads(id));
        queue(id, source, event.profiles());
    }

    /** FAILED_QUEUING: the source is queued again; FAILED_PROCESSING: its job is claimable again. */
    @EventHandler
    void on(TranscodingRetryRequested event) throws IOException, InterruptedException {
        long id = event.videoPostId();
        if (event.state() == VideoPostState.FAILED_QUEUING) {
            queue(id, files.source(id), event.profiles());
        } else {
            jobs.requeue(id);
            worker.wake();
        }
    }

    /**
     * Probes the source; queues its job with the post's profiles (none: a post from before profiles existed), or
     * fails the upload with ffprobe's reason.
     */
    private void queue(long id, Path source, ChosenProfiles profiles) throws IOException, InterruptedException {
        SourceProbe probe;
        try {
            probe = prober.probe(source);
        } catch (SourceProber.UnusableSource unusable) {
            Files.deleteIfExists(source);
            refusedIsFine(() -> commands.send(new FailSourceUpload(id, unusable.getMessage())));
            return;
        }
        try {
            jobs.enqueue(id, probe, profiles == null ? ChosenProfiles.DEFAULTS : profiles);
        } catch (RuntimeException e) {
            refusedIsFine(() -> commands.send(new FailQueuing(id, "The job could not be queued: "
                    + e.getClass().getSimpleName())));
            return;
        }
        // the job becomes claimable only once the post is QUEUED, so a worker never starts it from UPLOADED
        refusedIsFine(() -> commands.send(new QueueTranscoding(id, probe)));
        jobs.release(id);
        worker.wake();
    }

    @EventHandler
    void on(ProcessingFailed event) {
        if (CANCELLED.equals(event.reason())) {
            jobs.cancel(event.videoPostId());
            transcoder.kill(event.videoPostId());
        }
    }

    @EventHandler
    void on(VideoPostDeleted event) {
        jobs.cancel(event.videoPostId());
        transcoder.kill(event.videoPostId());
        jobs.forget(event.videoPostId());
        files.remove(event.videoPostId());
    }

    /** Parts 1..n in order, appended file to file by the kernel, never through the heap. */
    private static void assemble(Path parts, int count, Path source) throws IOException {
        Path partial = source.resolveSibling("source.partial");
        try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int n = 1; n <= count; n++) {
                try (FileChannel in = FileChannel.open(parts.resolve("part-" + n), StandardOpenOption.READ)) {
                    long size = in.size();
                    for (long done = 0; done < size; ) {
                        done += in.transferTo(done, size - done, out);
                    }
                }
            }
        }
        Files.move(partial, source, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The post refused (deleted, or moved on by a replay): nothing is left to do for it. */
    private static void refusedIsFine(Runnable send) {
        try {
            send.run();
        } catch (ApiException refused) {
            // nothing to do
        }
    }
}
