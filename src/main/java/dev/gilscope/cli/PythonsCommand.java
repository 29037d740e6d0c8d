package dev.gilscope.cli;

import dev.gilscope.runtime.PythonInterpreter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "pythons", mixinStandardHelpOptions = true,
        description = "List the Python interpreters the cpython mode can run (on PATH, among pyenv's versions and in "
                + "/usr/bin) with their version and whether their GIL is enabled.")
final class PythonsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--python", paramLabel = "PATH", description = "Check this one interpreter instead.")
    String python;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (python != null) {
            try {
                PythonInterpreter one = PythonInterpreter.at(Path.of(python));
                out.printf("%-45s %s%n", one.path(), describe(one));
                out.flush();
                return 0;
            } catch (PythonInterpreter.NotUsableException e) {
                throw new UsageException("--python " + e.getMessage());
            }
        }
        List<PythonInterpreter> found = PythonInterpreter.installed();
        if (found.isEmpty()) {
            out.println("No Python found on PATH, in ~/.pyenv/versions or in /usr/bin. The cpython mode needs one: install "
                    + "CPython, or give the path of one with --python PATH.");
            out.flush();
            return 0;
        }
        Optional<PythonInterpreter> preferred = PythonInterpreter.preferred();
        for (PythonInterpreter p : found) {
            boolean isDefault = preferred.isPresent() && preferred.get().path().equals(p.path());
            out.printf("%-45s %s%s%n", p.path(), describe(p), isDefault ? "   (default)" : "");
        }
        if (preferred.isPresent() && found.stream().noneMatch(p -> p.path().equals(preferred.get().path()))) {
            out.printf("%-45s %s   (default)%n", preferred.get().path(), describe(preferred.get()));
        }
        out.flush();
        return 0;
    }

    private static String describe(PythonInterpreter p) {
        return p.label() + (p.gilEnabled() ? " · GIL enabled" : "");
    }
}
