package dev.gilscope.workload;

import java.math.BigInteger;

/**
 * How a real CPython runs a workload's Python program: gilscope's harness loads {@code template} (with
 * the run's parameters filled in) as a module, so its {@code __main__} block does not run, evaluates
 * {@code inputs} in it for the task inputs, and calls {@code function} once per input, sequentially, in
 * threads or in processes.
 *
 * @param template the program, with {@code $TASKS}, {@code $SIZE} and {@code $CHUNK} placeholders; it
 *     runs on Python 2.7 as well as 3.x, so the old lock can be compared too
 * @param function the module-level function each task calls
 * @param inputs a Python expression, evaluated in the module, that lists the task inputs
 * @param results what the function returns, so its JSON form can be turned into the value gilscope's
 *     own check expects
 * @param checked whether the results can be checked: false where the program draws its own random
 *     inputs, which are not the ones gilscope's check knows
 * @param sharedGlobal a module global the harness reports after the run (the shared counter), or null
 * @param companion a module function {@code (done, late)} that runs on its own thread beside the tasks and
 *     appends to {@code late} (the io-latency probe), or null
 */
public record PythonTask(String template, String function, String inputs, Result results, boolean checked,
                         String sharedGlobal, String companion) {

    /** What a task's function returns, and how its JSON form becomes a Java value. */
    public enum Result {
        INTEGER, BIG_INTEGER, BOOLEAN, FLOAT, NOTHING;

        /** {@code json} as the harness wrote it: a number, big integers as text, true/false, or null. */
        public Object fromJson(Object json) {
            if (json == null) return null;
            return switch (this) {
                case INTEGER -> json instanceof Number n ? (Object) n.longValue() : Long.valueOf(json.toString());
                case BIG_INTEGER -> new BigInteger(json instanceof Number n ? Long.toString(n.longValue()) : json.toString());
                case BOOLEAN -> json instanceof Boolean b ? b : Boolean.valueOf(json.toString());
                case FLOAT -> json instanceof Number n ? n.doubleValue() : Double.valueOf(json.toString());
                case NOTHING -> null;
            };
        }
    }

    public PythonTask(String template, String function, String inputs, Result results) {
        this(template, function, inputs, results, true, null, null);
    }

    public PythonTask(String template, String function, String inputs, Result results, boolean checked,
                      String sharedGlobal) {
        this(template, function, inputs, results, checked, sharedGlobal, null);
    }

    /** The program with the run's parameters filled in, in digits every Python version reads. */
    public String program(WorkloadParams params) {
        return PythonCode.fillPlain(template, params);
    }

    /** The inputs expression with the run's parameters filled in. */
    public String inputs(WorkloadParams params) {
        return PythonCode.fillPlain(inputs, params);
    }
}
