package dev.gilscope.workload;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every built-in workload, in the order the lessons use them. */
public final class Workloads {

    private static final List<Workload> ALL = List.of(
            new CountPrimes(),
            new PrimeCheck(),
            new SumSquares(),
            new Factorials(),
            new MatrixPure(),
            new MatrixNative(),
            new IoWait(),
            new IoLatency(),
            new SharedCounter(),
            new ArraySum());

    private Workloads() {
    }

    public static List<Workload> all() {
        return ALL;
    }

    public static Optional<Workload> byName(String name) {
        return ALL.stream().filter(workload -> workload.name().equals(name)).findFirst();
    }

    /** "count-primes, prime-check, ...", for error messages. */
    public static String names() {
        return ALL.stream().map(Workload::name).collect(Collectors.joining(", "));
    }
}
