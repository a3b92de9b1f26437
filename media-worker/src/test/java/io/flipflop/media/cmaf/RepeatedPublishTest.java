package io.flipflop.media.cmaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishers come and go all day: packaging one must leave no native memory and no thread behind. */
class RepeatedPublishTest {

    private static final int WARM_UP = 100;
    private static final int CYCLES = 200;
    /**
     * 60 KiB a publish: below what a leaked publish holds (its two 64 KiB AVIO buffers alone; a leaked demuxer
     * context showed up as 100 MiB). Measured here: 2 to 6 MiB, allocator noise on a shared machine.
     */
    private static final long NATIVE_TOLERANCE = 12L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void twoHundredPublishesLeaveNoNativeMemoryOrThreadsBehind() throws Exception {
        Path flv = TestMedia.makeFlv(dir, 1);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A fixed, pre-touched heap and no C2 (whose compiler arenas stay resident after warm-up) keep the JVM's
        // own memory still; two malloc arenas keep glibc from growing one arena per short-lived thread.
        ProcessBuilder builder = new ProcessBuilder(java, "-Xms128m", "-Xmx128m", "-XX:+AlwaysPreTouch",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                PublishCycles.class.getName(), flv.toString(), dir.resolve("data").toString(),
                Integer.toString(WARM_UP), Integer.toString(CYCLES))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        Process child = builder.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();

        long[] before = line(output, "before");
        long[] after = line(output, "after");
        long growth = after[0] - before[0];
        System.out.printf("%d publishes: resident memory grew by %d KiB%n", CYCLES, growth / 1024);
        assertThat(after[2]).as("published").isEqualTo(WARM_UP + CYCLES);
        assertThat(after[1]).as("threads").isLessThanOrEqualTo(before[1]);
        assertThat(growth).isLessThan(NATIVE_TOLERANCE);
    }

    private static long[] line(String output, String name) {
        String line = List.of(output.split("\n")).stream().filter(l -> l.startsWith(name + " ")).findFirst().orElseThrow();
        String[] fields = line.trim().split(" ");
        return new long[]{Long.parseLong(fields[1]), Long.parseLong(fields[2]), Long.parseLong(fields[3])};
    }
}
