/**
 * Saving recorded runs and opening them again: Chrome Trace Event JSON for Perfetto and
 * chrome://tracing ({@link dev.gilscope.trace.export.ChromeTraceWriter}), CSV for spreadsheets
 * ({@link dev.gilscope.trace.export.CsvWriter}), and the way back from a saved JSON file to the
 * {@link dev.gilscope.trace.ModeTrace}s the board draws ({@link dev.gilscope.trace.export.TraceReader}).
 *
 * <pre>
 *                    ┌──▶ ChromeTraceWriter ──▶ run.json ──▶ Perfetto / chrome://tracing
 * List&lt;ModeTrace&gt; ──┤                             │
 *  + RunInfo         │                             └──▶ TraceReader ──▶ SavedRun (RunInfo + ModeTraces)
 *                    └──▶ CsvWriter ─────────▶ run.csv ──▶ spreadsheet, pandas
 * </pre>
 *
 * <p>Both writers walk each lane once, in recording order, with {@link dev.gilscope.trace.Segments}
 * for the states, so a file shows the same back-to-back segments as the board; times are
 * microseconds from each mode's own start, written as exact decimals. Nothing here knows the
 * runtime: whoever saves a run describes it in a {@link dev.gilscope.trace.export.RunInfo}.
 */
package dev.gilscope.trace.export;
