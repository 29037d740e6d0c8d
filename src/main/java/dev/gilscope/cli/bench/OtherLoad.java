package dev.gilscope.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much CPU everything but this JVM and its child processes used while a run went on, in cores:
 * other processes on the machine and, through the {@code steal} column, other virtual machines on the
 * same host. From the aggregate {@code cpu} line of {@code /proc/stat} and this process's
 * {@code /proc/self/stat} (its own time and that of its children once they have exited and been waited
 * for, as the worker processes of a run have by its end) and its children still running, all in clock ticks; elsewhere than Linux it
 * is unknown (NaN). A figure that needs both cores reads low when
 * this is well above zero.
 */
final class OtherLoad {

    /** Counters at one moment: busy ticks of all cores, all ticks of all cores, this process's and its children's ticks. */
    record Mark(long busyTicks, long allTicks, long ownTicks) {}

    private static final Path STAT = Path.of("/proc/stat");
    private static final Path SELF = Path.of("/proc/self/stat");

    private OtherLoad() {}

    /** The counters now, or null where /proc cannot be read. */
    static Mark mark() {
        try {
            String cpu = Files.readAllLines(STAT).getFirst(); // cpu user nice system idle iowait irq softirq steal ...
            String[] f = cpu.trim().split("\\s+");
            if (!f[0].equals("cpu") || f.length < 9) return null;
            long all = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) all += Long.parseLong(f[i]); // guest time is inside user
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            String[] s = statFields(SELF);
            // utime, stime (fields 14 and 15), and cutime, cstime (16 and 17): children that have exited and
            // been waited for, such as the worker processes of a finished run, are part of the bench too
            long own = Long.parseLong(s[11]) + Long.parseLong(s[12]) + Long.parseLong(s[13]) + Long.parseLong(s[14]);
            return new Mark(all - idle, all, own + liveChildrenTicks());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * utime + stime of the child processes still running (the JVM that runs the window's thread modes is
     * alive when its mode ends): once they exit, the same ticks are counted in cutime and cstime instead.
     */
    private static long liveChildrenTicks() {
        long ticks = 0;
        for (ProcessHandle child : ProcessHandle.current().children().toList()) {
            try {
                String[] c = statFields(Path.of("/proc", Long.toString(child.pid()), "stat"));
                ticks += Long.parseLong(c[11]) + Long.parseLong(c[12]);
            } catch (IOException | RuntimeException ended) {
                // it exited while we looked: its ticks are in cutime now
            }
        }
        return ticks;
    }

    /** The fields of a process's {@code stat} file from the third (its state) on: the name before them may hold spaces. */
    private static String[] statFields(Path stat) throws IOException {
        String line = Files.readString(stat);
        return line.substring(line.lastIndexOf(')') + 2).trim().split("\\s+");
    }

    /** Cores kept busy by everything else between two marks, or NaN if unknown. */
    static double coresBetween(Mark from, Mark to) {
        if (from == null || to == null || to.allTicks() <= from.allTicks()) return Double.NaN;
        long other = (to.busyTicks() - from.busyTicks()) - (to.ownTicks() - from.ownTicks());
        double cores = Runtime.getRuntime().availableProcessors();
        return Math.max(0, (double) other / (to.allTicks() - from.allTicks()) * cores);
    }

    static String format(double cores) {
        return Double.isNaN(cores) ? "–" : Stats.fmt("%.2f", cores);
    }
}
