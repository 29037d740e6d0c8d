package dev.gilscope.cli;

import java.lang.management.ManagementFactory;
import picocli.CommandLine;

/**
 * Whether this JVM runs from the ahead-of-time cache the launchers record once per build (see
 * packaging/aot-cache.sh): it decides how soon the window's first live run is drawn by compiled code.
 * Shown by {@code gilscope --version} and at the top of {@code gilscope bench}.
 */
public final class StartUpCache implements CommandLine.IVersionProvider {

    private static final String FLAG = "-XX:AOTCache=";

    /** "in use, PATH", "not usable (…), PATH" or "none (…)". */
    public static String describe() {
        String cache = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith(FLAG)).map(a -> a.substring(FLAG.length())).findFirst().orElse(null);
        if (cache == null) return "none (the first live run waits for the JIT; the launchers record a cache per build)";
        // A JVM that could not map its cache runs without any class sharing, and java.vm.info says so.
        return System.getProperty("java.vm.info", "").contains("sharing") ? "in use, " + cache
                : "not usable (recorded by another build or with other JVM options), " + cache;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"gilscope 0.1.0",
                "Java " + Runtime.version() + " (" + System.getProperty("java.vm.vendor") + ") · start-up cache: " + describe()};
    }
}
