package dev.gilscope.cli.bench;

import dev.gilscope.runtime.Mode;
import dev.gilscope.runtime.ModeResult;
import dev.gilscope.runtime.ProcessWorkerMain;
import dev.gilscope.runtime.RunSettings;
import dev.gilscope.trace.Lane;
import dev.gilscope.trace.LaneState;
import dev.gilscope.workload.WorkloadParams;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How long a worker process takes to start, and what part of that is the JVM itself.
 *
 * <ul>
 *   <li>A worker's start-up is its lane's {@code SPAWNING} segment: from just before the parent's spawn
 *       call to the child's first event (it has read its work order, prepared the workload and taken
 *       its own lock). One worker, cold pool, an empty task, so nothing else competes for the cores.</li>
 *   <li>The bare JVM: a worker's very command line — java binary, flags, jar and class-data archive —
 *       with a trivial main class instead ({@link BareJvm}) that prints {@link System#nanoTime()} first
 *       thing; timed from just before the spawn call to that stamp. Once more with gilscope's FFM calls
 *       linked first, which a worker does before its first event too.</li>
 *   <li>Class-data sharing of gilscope's own classes: workers map an archive that the first of them
 *       wrote at exit ({@code -XX:+AutoCreateSharedArchive}). Each start without it is preceded by
 *       deleting the archive, and re-creates it when it exits, so the start with it that follows
 *       maps a fresh one; the two kinds alternate.</li>
 * </ul>
 */
final class StartupBench {

    private static final String ARCHIVE_FLAG = "-XX:SharedArchiveFile=";

    private final BenchRunner runner;
    private final int starts;

    StartupBench(BenchRunner runner, ProcessSizes sizes) {
        this.runner = runner;
        this.starts = sizes.startups();
    }

    void run(PrintStream out) {
        List<String> workerCommand = workerCommand();
        Path archive = archive(workerCommand);
        List<String> barePrefix = bareCommandPrefix(workerCommand);
        if (archive != null && !Files.isRegularFile(archive)) workerStart("start-up: writing the class-data archive");
        double[] with = new double[starts];
        double[] without = new double[starts];
        double[] bare = new double[starts];
        double[] bareProbe = new double[starts];
        int recreated = 0;
        String bareFailure = null;
        for (int i = 0; i < starts; i++) {
            String round = Stats.fmt(" %d/%d", i + 1, starts);
            if (archive != null) {
                deleteQuietly(archive);
                without[i] = workerStart("start-up without class-data archive" + round);
                if (Files.isRegularFile(archive)) recreated++;
            }
            with[i] = workerStart("start-up with class-data archive" + round);
            try {
                bare[i] = bareJvmMillis(barePrefix, false);
                bareProbe[i] = bareJvmMillis(barePrefix, true);
                runner.say(Stats.fmt("start-up bare JVM%s · %.1f ms, with FFM linking %.1f ms", round, bare[i], bareProbe[i]));
            } catch (IOException | RuntimeException e) {
                bare[i] = bareProbe[i] = Double.NaN;
                bareFailure = e.getMessage();
            }
        }

        out.println(Stats.fmt("processes: worker start-up (1 worker, cold pool, an empty task; %d starts of each kind, "
                + "interleaved; from just before the spawn call to the child's first event — its lane's SPAWNING "
                + "segment — or, for a bare JVM, to the first line of its main)", starts));
        TextTable table = new TextTable("<what", "p50 ms", "min ms", "max ms");
        row(table, "worker, class-data archive present", with);
        if (archive != null) row(table, "worker, archive deleted just before", without);
        String how = workerCommand == null ? "same java and memory flags" : "a worker's java, flags, jar and archive";
        row(table, "bare JVM: " + how + ", trivial main", bare);
        row(table, "bare JVM as above, linking gilscope's FFM calls first", bareProbe);
        table.print(out);

        double worker = p50(with);
        if (bareFailure != null) {
            out.println("bare JVM: FAILED: " + bareFailure);
        } else if (!Double.isNaN(worker)) {
            out.println(Stats.fmt("of a worker's start-up (p50 %.1f ms): a bare JVM takes %.0f %% (%.1f ms), one that also "
                            + "links the FFM calls %.0f %% (%.1f ms); beyond that, the worker's own start (reading its work "
                            + "order and preparing the workload while the calls link on another thread) adds %+.1f ms",
                    worker, 100 * p50(bare) / worker, p50(bare), 100 * p50(bareProbe) / worker, p50(bareProbe),
                    worker - p50(bareProbe)));
        }
        if (archive == null) {
            out.println("class-data sharing: not measured (the worker command line names no archive, or it could not be read)");
        } else {
            out.println(Stats.fmt("class-data sharing of gilscope's classes: start-up without / with the archive = %s "
                            + "(p50s %.1f / %.1f ms); %d of %d starts without it re-created it at exit; archive %s",
                    Stats.times(p50(without) / worker), p50(without), worker, recreated, starts, archive));
        }
        out.println("(CPython, PEP 703: starting a process ≈ 50 ms, a thread ≈ 100 µs)");
    }

    private static void row(TextTable table, String what, double[] millis) {
        double[] ok = Arrays.stream(millis).filter(v -> !Double.isNaN(v)).toArray();
        if (ok.length == 0) {
            table.row(what, "FAILED", null, null);
            return;
        }
        table.row(what, Stats.fmt("%.1f", Stats.median(ok)), Stats.fmt("%.1f", Arrays.stream(ok).min().orElseThrow()),
                Stats.fmt("%.1f", Arrays.stream(ok).max().orElseThrow()));
    }

    private static double p50(double[] millis) {
        double[] ok = Arrays.stream(millis).filter(v -> !Double.isNaN(v)).toArray();
        return ok.length == 0 ? Double.NaN : Stats.median(ok);
    }

    /** One cold start of one worker; its SPAWNING time in ms, NaN if the run failed. */
    private double workerStart(String label) {
        RunSettings settings = RunSettings.defaults().withWorkers(1).withPool(RunSettings.Pool.COLD);
        ModeResult r = runner.runOne(label, DispatchBench.WORKLOAD, new WorkloadParams(1, DispatchBench.EMPTY_SIZE, 1),
                settings, Mode.PROCESSES);
        List<Lane> lanes = LaneSegments.processLanes(r);
        if (!r.resultOk() || lanes.size() != 1) return Double.NaN;
        return lanes.getFirst().totals().nanosIn(LaneState.SPAWNING) / 1e6;
    }

    /** Starts {@link BareJvm} and returns ms from just before the spawn call to its first stamp. */
    private static double bareJvmMillis(List<String> prefix, boolean probe) throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(BareJvm.class.getName());
        if (probe) cmd.add("probe");
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        long spawn = System.nanoTime();
        Process process = builder.start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = in.readLine();
            if (!process.waitFor(10, TimeUnit.SECONDS)) throw new IOException("a bare JVM did not exit");
            if (line == null || process.exitValue() != 0) {
                throw new IOException("a bare JVM exited with code " + process.exitValue() + ": " + String.join(" ", cmd));
            }
            return (Long.parseLong(line.trim()) - spawn) / 1e6;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } finally {
            process.destroyForcibly();
        }
    }

    private static String codeLocation() {
        try {
            return Path.of(BareJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return System.getProperty("java.class.path");
        }
    }

    /**
     * The command line the runtime starts workers with ({@code WorkerProcess.command()}, package-private
     * there, so by reflection), or null if it cannot be read.
     */
    private static List<String> workerCommand() {
        try {
            Method command = Class.forName("dev.gilscope.runtime.WorkerProcess").getDeclaredMethod("command");
            command.setAccessible(true);
            return ((List<?>) command.invoke(null)).stream().map(String::valueOf).toList();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The class-data archive named on a worker command line, or null. */
    private static Path archive(List<String> workerCommand) {
        if (workerCommand == null) return null;
        return workerCommand.stream().filter(a -> a.startsWith(ARCHIVE_FLAG))
                .map(a -> Path.of(a.substring(ARCHIVE_FLAG.length()))).findFirst().orElse(null);
    }

    /**
     * A worker's command line up to its main class — java binary, flags, class path and archive — or,
     * if that cannot be had, this JVM's java binary with the workers' memory flags and this build's
     * classes.
     */
    private static List<String> bareCommandPrefix(List<String> workerCommand) {
        int main = workerCommand == null ? -1 : workerCommand.indexOf(ProcessWorkerMain.class.getName());
        if (main > 0) return workerCommand.subList(0, main);
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto",
                "-cp", codeLocation());
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // then the run "without" is one with it; the re-created count tells
        }
    }
}
