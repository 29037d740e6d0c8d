package dev.gilscope.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The class path of worker processes: only gilscope's own classes, always as a jar. A jar, because
 * class-data sharing archives only classes from jars, and with the archive a worker starts about a
 * third faster. Run from a build folder, gilscope packs its classes into a cached jar once per build
 * (in the user's cache folder, with the archive beside it).
 */
final class WorkerClassPath {

    private static volatile Resolved resolved;

    /**
     * The class path and where the class-data archives that go with it are kept (null: none).
     */
    record Resolved(String classPath, Path cacheDir, String key) {

        /** The archive of one kind of child ("worker", "threads"), which loads classes of its own. */
        Path archive(String role) {
            return cacheDir == null ? null
                    : cacheDir.resolve("gilscope-" + role + "-" + key + "-jdk" + Runtime.version().feature() + ".jsa");
        }
    }

    private WorkerClassPath() {}

    static Resolved get() {
        Resolved r = resolved;
        if (r == null) {
            synchronized (WorkerClassPath.class) {
                if (resolved == null) resolved = resolve();
                r = resolved;
            }
        }
        return r;
    }

    private static Resolved resolve() {
        Path code = codeLocation();
        if (code == null) return new Resolved(System.getProperty("java.class.path"), null, null);
        Path jar = Files.isDirectory(code) ? packed(code) : code;
        String key = System.getProperty("java.home") + "|" + jar + "|" + lastModified(jar);
        return new Resolved(jar.toString(), cacheDir(), Integer.toHexString(key.hashCode()));
    }

    private static Path codeLocation() {
        try {
            var source = ProcessWorkerMain.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (java.net.URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Packs a classes folder into a jar in the temporary folder, reused while the folder is unchanged. */
    private static Path packed(Path classes) {
        try (Stream<Path> walk = Files.walk(classes)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            long newest = 0;
            for (Path f : files) newest = Math.max(newest, Files.getLastModifiedTime(f).toMillis());
            String key = classes.toAbsolutePath() + "|" + files.size() + "|" + newest;
            Path jar = cacheDir().resolve(
                    "gilscope-worker-" + Integer.toHexString(key.hashCode()) + ".jar");
            if (Files.isRegularFile(jar)) return jar;
            Path partial = Files.createTempFile(jar.getParent(), "gilscope-worker-", ".jar.part");
            try (OutputStream out = Files.newOutputStream(partial); JarOutputStream zip = new JarOutputStream(out)) {
                for (Path f : files) {
                    zip.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, zip);
                    zip.closeEntry();
                }
            }
            Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack gilscope's classes for worker processes", e);
        }
    }

    /** The user's own cache folder ($XDG_CACHE_HOME/gilscope or ~/.cache/gilscope), else the temporary folder. */
    private static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        Path dir = base.resolve("gilscope");
        try {
            Files.createDirectories(dir);
            if (Files.isWritable(dir)) return dir;
        } catch (IOException | SecurityException e) {
            // fall through to the temporary folder
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
