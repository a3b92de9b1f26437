package io.flipflop.media.ffmpeg;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;

/**
 * The {@code ffmpeg} and {@code ffprobe} programs that ship inside {@code org.bytedeco:ffmpeg}, extracted on
 * first use into JavaCPP's cache. Run as child processes, so a native crash never takes the JVM down (SPEC §5).
 * They find the shared libraries beside them (libva among them) only through the library path, so every
 * process gets {@code LD_LIBRARY_PATH} pointed at its own directory.
 */
public final class BundledPrograms {

    private BundledPrograms() {
    }

    public static ProcessBuilder ffmpeg(String... arguments) {
        return program(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class), arguments);
    }

    public static ProcessBuilder ffprobe(String... arguments) {
        return program(Loader.load(org.bytedeco.ffmpeg.ffprobe.class), arguments);
    }

    /**
     * Runs {@code builder} to its end, or kills it (and its children) after {@code timeout}. Its output must go to
     * files or be discarded: a pipe nobody reads could block it past the time limit.
     *
     * @return its exit code, or empty when it was killed for taking too long
     */
    public static OptionalInt runWithin(ProcessBuilder builder, Duration timeout)
            throws IOException, InterruptedException {
        Process process = builder.start();
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? OptionalInt.of(process.exitValue())
                    : OptionalInt.empty();
        } finally {
            kill(process);
        }
    }

    /** Kills a program and whatever it started (ffmpeg may spawn helpers); a no-op for one that has ended. */
    public static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static ProcessBuilder program(String executable, String... arguments) {
        List<String> command = new ArrayList<>(List.of(executable));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LD_LIBRARY_PATH", Path.of(executable).getParent().toString());
        return builder;
    }
}
