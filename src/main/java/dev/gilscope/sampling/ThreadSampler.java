package dev.gilscope.sampling;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads what the kernel says about threads of other processes (Linux {@code /proc}): whether each is
 * running, on which core it last ran, its CPU time so far in nanoseconds ({@code schedstat}, exact,
 * not the 10 ms ticks of {@code stat}), and where a sleeping one sleeps ({@code wchan}). Each thread's files stay open and are read again from the
 * start at every sample, so a sample costs two reads (three for a sleeper) and no allocation of paths. Not thread-safe: one
 * sampling thread owns it.
 */
public final class ThreadSampler implements AutoCloseable {

    /**
     * One thread at one moment. {@code state} is the kernel's letter: R running, S sleeping, D disk...
     * {@code sleepingIn} is, for a thread that is not running, the kernel function it sleeps in
     * ({@code wchan}: "futex_do_wait" for a lock or condition, "hrtimer_nanosleep" for a sleep, "do_sys_poll"
     * ...), or "" when running or when the kernel does not say.
     */
    public record Sample(char state, int core, long cpuNanos, String sleepingIn) {

        /** Asleep on a futex: waiting for a lock or a condition variable, as a thread waiting for the GIL does. */
        public boolean waitingOnLock() {
            return sleepingIn.startsWith("futex");
        }

        /** The kernel said where it sleeps (a kernel that hides it answers "0"). */
        public boolean sleepKnown() {
            return !sleepingIn.isEmpty() && !sleepingIn.equals("0");
        }
    }

    private final Map<Long, Files> open = new HashMap<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(1024);

    private record Files(FileChannel stat, FileChannel schedstat, FileChannel wchan) {}

    /** The thread {@code tid} of process {@code pid}, or null once it has ended (or never existed). */
    public Sample sample(long pid, long tid) {
        try {
            Files files = open.get(tid);
            if (files == null) {
                Path dir = Path.of("/proc", Long.toString(pid), "task", Long.toString(tid));
                files = openAll(dir);
                open.put(tid, files);
            }
            String stat = read(files.stat());
            String schedstat = read(files.schedstat());
            if (stat.isEmpty() || schedstat.isEmpty()) return null;
            int close = stat.lastIndexOf(')'); // the name may hold spaces and brackets; the fields follow the last ')'
            String[] fields = stat.substring(close + 2).split(" ");
            char state = fields[0].charAt(0);
            int core = Integer.parseInt(fields[36]); // field 39 of stat, counted from the state (field 3)
            long cpu = Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
            String sleepingIn = state == 'R' ? "" : read(files.wchan()).strip(); // only a sleeper's is worth a read
            return new Sample(state, core, cpu, sleepingIn);
        } catch (IOException | RuntimeException ended) {
            forget(tid);
            return null;
        }
    }

    /** The three files of one thread, or none: a thread that ends between two opens leaves nothing open. */
    private static Files openAll(Path dir) throws IOException {
        FileChannel stat = FileChannel.open(dir.resolve("stat"), StandardOpenOption.READ);
        try {
            FileChannel schedstat = FileChannel.open(dir.resolve("schedstat"), StandardOpenOption.READ);
            try {
                return new Files(stat, schedstat, FileChannel.open(dir.resolve("wchan"), StandardOpenOption.READ));
            } catch (IOException | RuntimeException e) {
                schedstat.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            stat.close();
            throw e;
        }
    }

    private String read(FileChannel channel) throws IOException {
        buffer.clear();
        int n = channel.read(buffer, 0);
        return n <= 0 ? "" : new String(buffer.array(), 0, n, StandardCharsets.US_ASCII);
    }

    /** Closes the files of a thread that is no longer sampled. */
    public void forget(long tid) {
        Files files = open.remove(tid);
        if (files == null) return;
        try {
            files.stat().close();
            files.schedstat().close();
            files.wchan().close();
        } catch (IOException ignored) {
            // closing a /proc file cannot lose anything
        }
    }

    /**
     * The kernel's state letter of process {@code pid} (R, S, D, T when stopped by a signal, t by a
     * debugger, Z...), or '?' when it cannot be read (gone, or no {@code /proc}).
     */
    public static char processState(long pid) {
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2);
        } catch (IOException | RuntimeException unreadable) {
            return '?';
        }
    }

    /** CPU time of the calling thread so far, from the same source: what sampling itself costs. */
    public static long ownCpuNanos() {
        try {
            String text = java.nio.file.Files.readString(Path.of("/proc/thread-self/schedstat"));
            return Long.parseLong(text.substring(0, text.indexOf(' ')));
        } catch (IOException | RuntimeException unavailable) {
            return -1;
        }
    }

    /** Whether this machine has the per-thread files ({@code /proc/self/task/…/schedstat}). */
    public static boolean available() {
        return java.nio.file.Files.isReadable(Path.of("/proc/thread-self/schedstat"));
    }

    @Override
    public void close() {
        for (Long tid : open.keySet().toArray(Long[]::new)) forget(tid);
    }
}
