package dev.gilscope.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Base of a run whose tasks all return one result type. {@link #finish} first makes sure every task
 * reported a result of that type, so a missing or mistyped result (a worker that died, a bad
 * deserialization) fails the run with a message instead of an exception, then lets the workload
 * compare the answers.
 */
abstract class TypedRun<R> implements WorkloadRun {

    private final Class<R> resultType;

    TypedRun(Class<R> resultType) {
        this.resultType = resultType;
    }

    @Override
    public final Outcome finish(Object[] results) {
        if (results.length != taskCount()) {
            return wrong("expected " + taskCount() + " results, one per task, but got " + results.length);
        }
        List<R> typed = new ArrayList<>(results.length);
        for (int i = 0; i < results.length; i++) {
            Object result = results[i];
            if (!resultType.isInstance(result)) {
                return wrong("task " + i + " returned " + (result == null ? "nothing" : "a " + result.getClass().getSimpleName())
                        + ", expected a " + resultType.getSimpleName());
            }
            typed.add(resultType.cast(result));
        }
        return check(typed);
    }

    /** Compares the results (one per task, in task order) with an independent computation. */
    abstract Outcome check(List<R> results);

    static Outcome wrong(String whatWentWrong) {
        return Outcome.checked(false, "no answer", whatWentWrong);
    }

    /** 1229 → "1,229", the same on every locale. */
    static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
