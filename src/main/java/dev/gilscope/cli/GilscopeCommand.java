package dev.gilscope.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code gilscope run|workloads|lessons|bench|snapshot|video}. Bad input exits with code 2 and one line. */
@Command(name = "gilscope", mixinStandardHelpOptions = true, versionProvider = StartUpCache.class,
        description = "See Python's global interpreter lock at work: run one workload sequentially, in threads "
                + "behind an emulated GIL, in free threads and in worker processes, and compare. With no arguments, opens the window.",
        subcommands = {CommandLine.HelpCommand.class})
public final class GilscopeCommand implements Runnable {

    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: run, workloads, lessons, pythons, calibrate, bench, snapshot, video or window");
    }

    /** Runs the command line and returns the exit code; never throws. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new GilscopeCommand());
        cli.addSubcommand(new RunCommand(out, err));
        cli.addSubcommand(new WorkloadsCommand());
        cli.addSubcommand(new LessonsCommand());
        cli.addSubcommand(new PythonsCommand());
        cli.addSubcommand(new CalibrateCommand(out, err));
        cli.addSubcommand(new BenchCommand(out, err));
        cli.addSubcommand(new SnapshotCommand(err));
        cli.addSubcommand(new VideoCommand(err));
        cli.addSubcommand(new WindowCommand());
        cli.addSubcommand(new TrainCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("gilscope: " + e.getMessage());
            err.println("Try 'gilscope " + commandName(e.getCommandLine()) + "--help'.");
            return EXIT_BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UsageException) {
                err.println("gilscope: " + e.getMessage());
                return EXIT_BAD_INPUT;
            }
            err.println("gilscope: internal error: " + e);
            return 1;
        });
        return cli.execute(args);
    }

    private static String commandName(CommandLine commandLine) {
        String name = commandLine.getCommandName();
        return "gilscope".equals(name) ? "" : name + " ";
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }
}
