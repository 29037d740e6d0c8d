package dev.gilscope.cli.bench;

import dev.gilscope.sampling.CpuProbe;

/**
 * A trivial main class for timing how long the JVM alone takes to start ({@link StartupBench}): prints
 * {@link System#nanoTime()} as the first thing main does, which the parent reads on the same monotonic
 * clock. With the argument {@code probe} it first links gilscope's FFM calls ({@link CpuProbe}), as a
 * worker process does before its first event.
 */
public final class BareJvm {

    private BareJvm() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("probe")) CpuProbe.get().currentCore();
        System.out.println(System.nanoTime());
    }
}
