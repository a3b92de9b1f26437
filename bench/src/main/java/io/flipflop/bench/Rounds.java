package io.flipflop.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Operations per second of several paths, measured in interleaved rounds after warm-up rounds of the same paths:
 * each path's rate is the median of its measured rounds. Interleaving makes a busy neighbour on a shared machine
 * slow every path alike, and the warm-up makes every path, the baseline included, run compiled code: with a warm-up
 * of a tenth of one round the JIT compiler still took 1.8 of the 3.3 CPU seconds of a round of commands on this
 * 2-core machine, and the commands ran at 37% of their steady rate (fifth session's platform benchmark).
 */
final class Rounds {

    /**
     * A path: its operation gets a number unique to the path, counting up from 0 across rounds. If it has a
     * {@code settle}, that runs after each round's operations and returns once their effects are all visible
     * (e.g. in the read models), and the path also gets a settled rate: operations per second until then. A path
     * of quick operations may run more of them a round ({@code operations}, 0 for the measurement's number), so
     * that its round lasts about as long as the others' and takes in the same background work.
     */
    record Path(String name, int callers, IntConsumer operation, Runnable settle, int operations) {
        Path(String name, int callers, IntConsumer operation) {
            this(name, callers, operation, null, 0);
        }

        Path(String name, int callers, IntConsumer operation, Runnable settle) {
            this(name, callers, operation, settle, 0);
        }

        int operationsOr(int otherwise) {
            return operations > 0 ? operations : otherwise;
        }
    }

    /** Called around every round of every path, warm-up rounds included, e.g. to count what happens in it. */
    interface Around {
        void round(Path path, boolean measured, Runnable round);
    }

    /**
     * Per path, medians of its measured rounds: the rate, the settled rate (for a path that settles), and the CPU
     * time of the whole JVM (all its threads) per operation until settled.
     */
    record Rates(Map<String, Double> medians, Map<String, Double> settled, Map<String, Double> cpuMicrosPerOperation,
                 long compilationMillisWhileMeasured) {
        double of(String path) {
            return medians.get(path);
        }

        double settledOf(String path) {
            return settled.get(path);
        }

        double cpuMicrosOf(String path) {
            return cpuMicrosPerOperation.get(path);
        }
    }

    private Rounds() {
    }

    /**
     * Warm-up rounds of every path: at least {@code least}; then more, up to {@code most}, until {@code quietRounds}
     * rounds in a row spent at most {@code quietShare} of their wall time compiling (the JIT compiler's time summed
     * over its threads).
     */
    record WarmUp(int least, int most, double quietShare, int quietRounds) {
        static WarmUp rounds(int rounds) {
            return new WarmUp(rounds, rounds, 0, 0);
        }
    }

    static Rates measure(List<Path> paths, int warmUpRounds, int measuredRounds, int operationsPerRound)
            throws Exception {
        return measure(paths, WarmUp.rounds(warmUpRounds), measuredRounds, operationsPerRound,
                (path, measured, round) -> round.run());
    }

    static Rates measure(List<Path> paths, WarmUp warmUp, int measuredRounds, int operationsPerRound,
                         Around around) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        Map<String, double[]> rates = new LinkedHashMap<>();
        Map<String, double[]> settled = new LinkedHashMap<>();
        Map<String, double[]> cpu = new LinkedHashMap<>();
        int round = 0;
        int quietInARow = 0;
        for (boolean warm = false; !warm; round++) {
            long jitBefore = jit.getTotalCompilationTime();
            long start = System.nanoTime();
            for (Path path : paths) {
                measureRound(path, round, operationsPerRound, false, around);
            }
            double compiling = (jit.getTotalCompilationTime() - jitBefore) / ((System.nanoTime() - start) / 1e6);
            quietInARow = compiling <= warmUp.quietShare() ? quietInARow + 1 : 0;
            warm = round + 1 >= warmUp.least()
                    && (quietInARow >= warmUp.quietRounds() || round + 1 >= warmUp.most());
            if (warmUp.most() > warmUp.least()) {
                System.out.printf("  warm-up round %d: the JIT compiler took %.0f%% of its time%n", round + 1,
                        100 * compiling);
            }
        }
        long jitBefore = jit.getTotalCompilationTime();
        for (int measuredRound = 0; measuredRound < measuredRounds; measuredRound++, round++) {
            for (Path path : paths) {
                Round measures = measureRound(path, round, operationsPerRound, true, around);
                System.out.printf("  measured round %d, %s: %s/s in %.0f ms, %.2f cores, GC pauses %d ms, JIT %d ms%n",
                        measuredRound + 1, path.name(), rate(measures.rate()), measures.wallMillis(), measures.cores(),
                        measures.gcPauseMillis(), measures.jitMillis());
                rates.computeIfAbsent(path.name(), name -> new double[measuredRounds])[measuredRound] = measures.rate();
                if (path.settle() != null) {
                    settled.computeIfAbsent(path.name(), name -> new double[measuredRounds])[measuredRound] = measures.settledRate();
                }
                cpu.computeIfAbsent(path.name(), name -> new double[measuredRounds])[measuredRound] = measures.cpuMicrosPerOperation();
            }
        }
        long compilationMillis = jit.getTotalCompilationTime() - jitBefore;
        Map<String, Double> medians = medians(rates);
        Map<String, Double> settledMedians = medians(settled);
        Map<String, Double> cpuMedians = medians(cpu);
        medians.forEach((path, median) -> System.out.printf("  %s: %s/s (rounds %s)%s, %.0f µs CPU each%n",
                path, rate(median), Arrays.stream(rates.get(path)).mapToObj(Rounds::rate).toList(),
                settledMedians.containsKey(path) ? ", settled " + rate(settledMedians.get(path)) + "/s" : "",
                cpuMedians.get(path)));
        return new Rates(medians, settledMedians, cpuMedians, compilationMillis);
    }

    /**
     * One round of a path: its rate, its settled rate (0 if it does not settle), the JVM's CPU µs per operation; and,
     * to tell why a round ran slower than the others, its wall time, the cores the JVM used in it, and the
     * milliseconds it spent in garbage collection pauses and compiling (summed over the compiler's threads).
     */
    private record Round(double rate, double settledRate, double cpuMicrosPerOperation, double wallMillis,
                         double cores, long gcPauseMillis, long jitMillis) {
    }

    private static Round measureRound(Path path, int round, int operationsPerRound, boolean measured, Around around) {
        int operations = path.operationsOr(operationsPerRound);
        int first = round * operations;
        Round[] result = new Round[1];
        around.round(path, measured, () -> {
            long pausesBefore = gcPauseMillis();
            long jitBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            double cpuBefore = CpuTime.ofThisJvm();
            long start = System.nanoTime();
            double rate = rate(path, first, operations);
            double settledRate = 0;
            if (path.settle() != null) {
                path.settle().run();
                settledRate = operations / ((System.nanoTime() - start) / 1e9);
            }
            double cpuSeconds = CpuTime.ofThisJvm() - cpuBefore;
            double wallMillis = (System.nanoTime() - start) / 1e6;
            result[0] = new Round(rate, settledRate, cpuSeconds * 1e6 / operations, wallMillis,
                    cpuSeconds * 1e3 / wallMillis, gcPauseMillis() - pausesBefore,
                    ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitBefore);
        });
        return result[0];
    }

    /** The collectors' accumulated collection time; with G1 on JDK 17 its young and old pauses. */
    private static long gcPauseMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** Whole operations per second, or three decimals for a path of long operations (a replay of a store). */
    private static String rate(double perSecond) {
        return String.format(perSecond >= 100 ? "%.0f" : "%.3f", perSecond);
    }

    private static Map<String, Double> medians(Map<String, double[]> rounds) {
        Map<String, Double> medians = new LinkedHashMap<>();
        rounds.forEach((path, values) -> {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            medians.put(path, sorted[sorted.length / 2]);
        });
        return medians;
    }

    private static double rate(Path path, int first, int operations) {
        try {
            if (path.callers() == 1) {
                long start = System.nanoTime();
                for (int i = first; i < first + operations; i++) {
                    path.operation().accept(i);
                }
                return operations / ((System.nanoTime() - start) / 1e9);
            }
            return concurrentRate(path, first, operations);
        } catch (Exception e) {
            throw new IllegalStateException(path.name() + " failed", e);
        }
    }

    private static double concurrentRate(Path path, int first, int operations) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(path.callers());
        try {
            AtomicInteger next = new AtomicInteger(first);
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < path.callers(); c++) {
                running.add(callers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < first + operations; i = next.getAndIncrement()) {
                        path.operation().accept(i);
                    }
                }));
            }
            for (Future<?> caller : running) {
                caller.get();
            }
            return operations / ((System.nanoTime() - start) / 1e9);
        } finally {
            callers.shutdown();
        }
    }
}
