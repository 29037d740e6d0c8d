package dev.gilscope.sampling;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;

/**
 * Linux: {@code sched_getcpu}, {@code gettid} and {@code sched_{get,set}affinity} from libc through the
 * Foreign Function & Memory API, per-thread CPU time from {@code /proc/thread-self/schedstat}.
 *
 * <p>{@code sched_getcpu} is linked as a <em>critical</em> downcall: it neither blocks nor calls back,
 * so the JVM may skip the thread-state transition and the call costs about as much as a vDSO read
 * (~10 ns), cheap enough to make at every lane state change.
 */
final class LinuxCpuProbe implements CpuProbe {

    private static final int MASK_BYTES = 128; // 1024 cores, as glibc's cpu_set_t

    private final MethodHandle schedGetcpu;
    private final MethodHandle gettid;
    private final MethodHandle schedSetaffinity;
    private final MethodHandle schedGetaffinity;

    LinuxCpuProbe() {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        schedGetcpu = linker.downcallHandle(libc.find("sched_getcpu").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT), Linker.Option.critical(false));
        gettid = linker.downcallHandle(libc.find("gettid").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT), Linker.Option.critical(false));
        FunctionDescriptor affinity = FunctionDescriptor.of(ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS);
        schedSetaffinity = linker.downcallHandle(libc.find("sched_setaffinity").orElseThrow(), affinity,
                Linker.Option.captureCallState("errno"));
        schedGetaffinity = linker.downcallHandle(libc.find("sched_getaffinity").orElseThrow(), affinity);
        if (currentCore() < 0) throw new IllegalStateException("sched_getcpu does not answer");
    }

    @Override
    public int currentCore() {
        try {
            return (int) schedGetcpu.invokeExact();
        } catch (Throwable t) {
            return UNKNOWN_CORE;
        }
    }

    @Override
    public long nativeThreadId() {
        try {
            return (int) gettid.invokeExact();
        } catch (Throwable t) {
            return -1;
        }
    }

    @Override
    public long threadCpuNanos() {
        // schedstat: "<ns on cpu> <ns waiting on a runqueue> <timeslices>"
        try {
            String line = Files.readString(Path.of("/proc/thread-self/schedstat"));
            int space = line.indexOf(' ');
            return Long.parseLong(space < 0 ? line.trim() : line.substring(0, space));
        } catch (IOException | NumberFormatException e) {
            return PortableCpuProbe.THREAD_MX.getCurrentThreadCpuTime();
        }
    }

    /** setpriority(2), linked on first use: worker processes never need it, and linking costs start-up time. */
    private static final class Priority {
        static final MethodHandle SETPRIORITY = Linker.nativeLinker().downcallHandle(
                Linker.nativeLinker().defaultLookup().find("setpriority").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        static final int PRIO_PROCESS = 0; // on Linux, "who" is a thread id: nice is per thread
    }

    /** sched_setscheduler(2), linked on first use. */
    private static final class Scheduler {
        static final MethodHandle SCHED_SETSCHEDULER = Linker.nativeLinker().downcallHandle(
                Linker.nativeLinker().defaultLookup().find("sched_setscheduler").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
        static final int SCHED_IDLE = 5; // linux/sched.h
    }

    @Override
    public boolean moveToIdleClass(long threadId) {
        if (threadId <= 0) return false;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment param = arena.allocate(ValueLayout.JAVA_INT); // struct sched_param { sched_priority = 0 }
            return (int) Scheduler.SCHED_SETSCHEDULER.invokeExact((int) threadId, Scheduler.SCHED_IDLE, param) == 0;
        } catch (Throwable e) { // not allowed here: the nice value alone stays
            return false;
        }
    }

    @Override
    public boolean lowerPriority(long threadId, int nice) {
        if (threadId <= 0) return false;
        // Lower only: a thread already below this priority (a gilscope started with nice 15) stays there.
        if (niceOf(threadId) >= nice) return true;
        try {
            return (int) Priority.SETPRIORITY.invokeExact(Priority.PRIO_PROCESS, (int) threadId, nice) == 0;
        } catch (Throwable e) { // gone already, or not ours: the run goes on at normal priority
            return false;
        }
    }

    /**
     * A thread's nice value, from field 19 of its /proc stat line (after the command name in
     * parentheses; /proc/TID works for any thread id), or the lowest int if it cannot be read.
     */
    private static int niceOf(long tid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(tid), "stat"));
            return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
        } catch (IOException | RuntimeException e) {
            return Integer.MIN_VALUE;
        }
    }

    @Override
    public boolean canPinThreads() {
        return true;
    }

    @Override
    public void pinCurrentThread(BitSet cores) {
        if (cores.isEmpty() || cores.length() > MASK_BYTES * 8) {
            throw new IllegalArgumentException("cores must name between 1 and " + MASK_BYTES * 8 + " cores");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mask = arena.allocate(MASK_BYTES);
            byte[] bits = cores.toByteArray(); // little-endian bit order, as cpu_set_t
            MemorySegment.copy(bits, 0, mask, ValueLayout.JAVA_BYTE, 0, bits.length);
            MemorySegment callState = arena.allocate(Linker.Option.captureStateLayout());
            int rc = (int) schedSetaffinity.invokeExact(callState, 0, (long) MASK_BYTES, mask);
            if (rc != 0) {
                int errno = callState.get(ValueLayout.JAVA_INT,
                        Linker.Option.captureStateLayout().byteOffset(
                                java.lang.foreign.MemoryLayout.PathElement.groupElement("errno")));
                throw new IllegalArgumentException("the kernel refused cores " + cores
                        + " (errno " + errno + "); this process may use " + allowedCores());
            }
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("sched_setaffinity failed", t);
        }
    }

    @Override
    public BitSet allowedCores() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mask = arena.allocate(MASK_BYTES);
            int rc = (int) schedGetaffinity.invokeExact(0, (long) MASK_BYTES, mask);
            if (rc != 0) return PortableCpuProbe.firstCores(Runtime.getRuntime().availableProcessors());
            return BitSet.valueOf(mask.toArray(ValueLayout.JAVA_BYTE));
        } catch (Throwable t) {
            return PortableCpuProbe.firstCores(Runtime.getRuntime().availableProcessors());
        }
    }

    @Override
    public String description() {
        return "linux (sched_getcpu via FFM, /proc schedstat)";
    }
}
