package dev.gilscope.runtime;

import dev.gilscope.sampling.CpuProbe;
import java.util.BitSet;

/** Parses core lists like {@code 0}, {@code 0,1} or {@code 0-3,6} and checks them against the machine. */
public final class CoreList {

    private CoreList() {}

    public static BitSet parse(String text, CpuProbe probe) {
        if (!probe.canPinThreads()) {
            throw new RunRequest.InvalidException(RunRequest.Field.CORES, "needs Linux (sched_setaffinity); on " + System.getProperty("os.name")
                    + " leave it out and the scheduler uses every core");
        }
        BitSet allowed = probe.allowedCores();
        BitSet cores = new BitSet();
        for (String part : text.split(",", -1)) {
            String p = part.trim();
            try {
                int dash = p.indexOf('-');
                int from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash));
                int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1));
                if (from < 0 || to < from) throw new NumberFormatException();
                cores.set(from, to + 1);
            } catch (NumberFormatException e) {
                throw new RunRequest.InvalidException(RunRequest.Field.CORES, "'" + text + "' is not a core list; use numbers and ranges like 0 or 0,1 or 0-3");
            }
        }
        BitSet unknown = (BitSet) cores.clone();
        unknown.andNot(allowed);
        if (!unknown.isEmpty()) {
            throw new RunRequest.InvalidException(RunRequest.Field.CORES, text + " names core(s) " + format(unknown)
                    + " that this process cannot use; available: " + format(allowed));
        }
        return cores;
    }

    public static String format(BitSet cores) {
        StringBuilder sb = new StringBuilder();
        for (int i = cores.nextSetBit(0); i >= 0; ) {
            int end = cores.nextClearBit(i) - 1;
            if (!sb.isEmpty()) sb.append(',');
            sb.append(i);
            if (end > i) sb.append('-').append(end);
            i = cores.nextSetBit(end + 1);
        }
        return sb.toString();
    }
}
