package dev.gilscope.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Python interpreter on this machine, as it describes itself when asked.
 *
 * @param path the program, as found or given
 * @param version "3.11.7"
 * @param gilEnabled false for a free-threaded build running without its lock ({@code sys._is_gil_enabled()})
 * @param implementation "cpython", "pypy", ...
 */
public record PythonInterpreter(Path path, String version, boolean gilEnabled, String implementation) {

    /** A path that is not a Python gilscope can use, with what was wrong. */
    public static final class NotUsableException extends IllegalArgumentException {
        public NotUsableException(String message) {
            super(message);
        }
    }

    /** "CPython 3.11.7" or "CPython 3.13.0 (free-threaded, no GIL)". */
    public String label() {
        String name = implementation.equals("cpython") ? "CPython" : implementation;
        return name + " " + version + (gilEnabled ? "" : " (free-threaded, no GIL)");
    }

    /** Major and minor version as one comparable number: 3.11 → 311, 2.7 → 207. */
    public int feature() {
        Matcher m = Pattern.compile("(\\d+)\\.(\\d+)").matcher(version);
        return m.find() ? Integer.parseInt(m.group(1)) * 100 + Integer.parseInt(m.group(2)) : 0;
    }

    private static final Map<Path, PythonInterpreter> PROBED = new ConcurrentHashMap<>();

    /** Asks the program at {@code path} what it is; refuses, saying why, anything that is not a Python. */
    public static PythonInterpreter at(Path path) {
        if (!Files.exists(path)) throw new NotUsableException("no file at " + path + "; give the path of a python program, such as /usr/bin/python3");
        if (Files.isDirectory(path)) throw new NotUsableException(path + " is a folder; give the path of a python program inside it, such as " + path.resolve("bin/python3"));
        if (!Files.isExecutable(path)) throw new NotUsableException(path + " is not executable");
        Path key = path.toAbsolutePath().normalize();
        PythonInterpreter known = PROBED.get(key);
        if (known != null) return known;
        PythonInterpreter probed = probe(path);
        PROBED.put(key, probed);
        return probed;
    }

    private static final String PROBE = "import sys; print('%d.%d.%d' % sys.version_info[:3]); "
            + "print(getattr(sys, '_is_gil_enabled', lambda: True)()); "
            + "print(getattr(getattr(sys, 'implementation', None), 'name', 'cpython'))";

    private static PythonInterpreter probe(Path path) {
        try {
            // Its error output is kept apart: a start-up warning there must not hide the answer.
            Process process = new ProcessBuilder(path.toString(), "-c", PROBE)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new NotUsableException(path + " did not answer within 10 s when asked its version");
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            String[] lines = out.split("\\R");
            if (process.exitValue() != 0 || lines.length < 3 || !lines[0].matches("\\d+\\.\\d+\\.\\d+")) {
                String first = out.isEmpty() ? "no output" : out.lines().findFirst().orElse("");
                throw new NotUsableException(path + " did not answer as a Python (exit " + process.exitValue() + "): "
                        + (first.length() > 100 ? first.substring(0, 100) + "…" : first));
            }
            return new PythonInterpreter(path, lines[0], !lines[1].strip().equals("False"), lines[2].strip());
        } catch (IOException e) {
            throw new NotUsableException(path + " could not be started: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotUsableException("interrupted while asking " + path + " for its version");
        }
    }

    /**
     * The Pythons on this machine: on {@code PATH}, in pyenv's versions and in the usual system folders,
     * each program once (links to one program count once), newest first. Programs that do not answer as
     * a Python are left out.
     */
    public static List<PythonInterpreter> installed() {
        Map<Path, Path> byRealPath = new LinkedHashMap<>();
        for (Path candidate : candidates()) {
            try {
                Path real = candidate.toRealPath();
                byRealPath.putIfAbsent(real, candidate);
            } catch (IOException | SecurityException notThere) {
                // a dangling link or a folder we may not read: not a Python we can run
            }
        }
        List<PythonInterpreter> found = new ArrayList<>();
        for (Path path : byRealPath.values()) {
            try {
                found.add(at(path));
            } catch (NotUsableException notPython) {
                // a shim or a broken install: leave it out of the list
            }
        }
        found.sort(Comparator.comparingInt(PythonInterpreter::feature).reversed());
        return found;
    }

    /**
     * The interpreter a run uses when none is given: {@code python3} on {@code PATH} (what typing
     * {@code python3} in a terminal runs), else the newest one installed.
     */
    public static Optional<PythonInterpreter> preferred() {
        for (Path dir : pathFolders()) {
            Path python3 = dir.resolve("python3");
            if (Files.isExecutable(python3)) {
                try {
                    return Optional.of(at(python3));
                } catch (NotUsableException notUsable) {
                    // keep looking
                }
            }
        }
        return installed().stream().findFirst();
    }

    /**
     * The interpreter {@code given} names (a path), or the preferred one when {@code given} is null or
     * blank; refuses with a message that says how to point at one when there is none.
     */
    public static PythonInterpreter resolve(String given) {
        if (given != null && !given.isBlank()) return at(Path.of(given.strip()));
        return preferred().orElseThrow(() -> new NotUsableException(
                "no Python found on PATH, in ~/.pyenv/versions or in /usr/bin; install one, or give its path (--python PATH, or the Python field of the window)"));
    }

    private static List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        Pattern name = Pattern.compile("python(\\d(\\.\\d+)?t?)?");
        List<Path> folders = new ArrayList<>(pathFolders());
        String pyenvRoot = System.getenv().getOrDefault("PYENV_ROOT", System.getProperty("user.home") + "/.pyenv");
        try (var versions = Files.list(Path.of(pyenvRoot, "versions"))) {
            versions.sorted().forEach(v -> folders.add(v.resolve("bin")));
        } catch (IOException | RuntimeException noPyenv) {
            // no pyenv here
        }
        folders.add(Path.of("/usr/bin"));
        folders.add(Path.of("/usr/local/bin"));
        for (Path dir : folders) {
            if (dir.toString().contains("pyenv/shims")) continue; // shims run whichever version is selected: the versions are listed one by one
            try (var files = Files.list(dir)) {
                files.filter(f -> name.matcher(f.getFileName().toString()).matches()).filter(Files::isExecutable).sorted()
                        .forEach(out::add);
            } catch (IOException | RuntimeException unreadable) {
                // a PATH entry that does not exist
            }
        }
        return out;
    }

    private static List<Path> pathFolders() {
        List<Path> out = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path == null) return out;
        for (String entry : path.split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                try {
                    out.add(Path.of(entry));
                } catch (RuntimeException badEntry) {
                    // not a path on this system
                }
            }
        }
        return out;
    }
}
