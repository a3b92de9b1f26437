package io.flipflop.media.ffmpeg;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    private static ProcessBuilder program(String executable, String... arguments) {
        List<String> command = new ArrayList<>(List.of(executable));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LD_LIBRARY_PATH", Path.of(executable).getParent().toString());
        return builder;
    }
}
