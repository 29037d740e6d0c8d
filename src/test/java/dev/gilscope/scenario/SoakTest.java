package dev.gilscope.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilscope.runtime.CPythonSettings;
import dev.gilscope.runtime.Comparison;
import dev.gilscope.runtime.Mode;
import dev.gilscope.runtime.ModeResult;
import dev.gilscope.runtime.PythonInterpreter;
import dev.gilscope.runtime.RunControl;
import dev.gilscope.runtime.RunRequest;
import dev.gilscope.runtime.RunSettings;
import dev.gilscope.workload.WorkloadParams;
import dev.gilscope.workload.Workloads;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A workshop's worth of runs: every built-in lesson back to back, twice (and a real Python's run each
 * round where one is installed). After the second round nothing has grown: live threads, child
 * processes, open files, and the heap after a full collection, against the same counts after the first.
 */
class SoakTest {

    private record Footprint(int threads, long processes, long files, long heapBytes) {}

    @Test
    void runningEveryLessonTwiceLeavesNothingBehind() throws Exception {
        round();
        Footprint first = footprint();
        round();
        Footprint second = footprint();
        assertEquals(0, second.processes(), "no child process is left after a round");
        assertTrue(second.threads() <= first.threads() + 2, "threads: " + first.threads() + " after one round, " + second.threads() + " after two");
        assertTrue(second.files() <= first.files() + 4, "open files: " + first.files() + " after one round, " + second.files() + " after two");
        assertTrue(second.heapBytes() <= first.heapBytes() + first.heapBytes() / 5 + (16 << 20),
                "heap after a full collection: " + first.heapBytes() / 1e6 + " MB after one round, " + second.heapBytes() / 1e6 + " MB after two");
    }

    private static void round() {
        for (Lesson lesson : Lessons.builtIn()) {
            RunRequest.Checked run = lesson.request().check();
            var result = Comparison.run(run.workload(), run.params(), run.settings(), run.modes(), new Comparison.Listener() {},
                    new RunControl());
            for (ModeResult mode : result.modes()) assertTrue(mode.resultOk(), lesson.id() + " " + mode.mode().cliName() + ": " + mode.failure());
        }
        var python = PythonInterpreter.preferred();
        if (python.isPresent()) {
            for (CPythonSettings.Style style : CPythonSettings.Style.values()) {
                ModeResult r = Comparison.run(Workloads.byName("count-primes").orElseThrow(), new WorkloadParams(2, 30_000, 1),
                        RunSettings.defaults().withCPython(new CPythonSettings(python.get().path().toString(), style)),
                        List.of(Mode.CPYTHON), new Comparison.Listener() {}, new RunControl()).modes().get(0);
                assertTrue(r.resultOk(), "cpython " + style.cliName() + ": " + r.failure());
            }
        }
    }

    private static Footprint footprint() throws IOException, InterruptedException {
        Thread.sleep(500); // threads that were told to end have a moment to do so
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long files;
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            files = fds.count();
        }
        return new Footprint(ManagementFactory.getThreadMXBean().getThreadCount(), ProcessHandle.current().children().filter(ProcessHandle::isAlive).count(), files, heap);
    }
}
