package dev.gilscope.cli;

import dev.gilscope.workload.Workload;
import dev.gilscope.workload.Workloads;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "workloads", mixinStandardHelpOptions = true, description = "List the workloads with their parameters and defaults.")
final class WorkloadsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Workload w : Workloads.all()) {
            var d = w.defaults();
            out.printf("%-15s %s%n", w.name(), w.summary());
            out.printf("%-15s size: %s%n", "", w.sizeMeaning());
            out.printf("%-15s defaults: --tasks %d --size %d --chunk-size %d%n%n", "", d.tasks(), d.size(), d.chunkSize());
        }
        out.flush();
        return 0;
    }
}
