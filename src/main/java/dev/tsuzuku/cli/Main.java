package dev.tsuzuku.cli;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.TsuzukuException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The CLI's one entry and its one error boundary: exit 0 ok, 1 failure, 2 bad usage or input. */
@Command(
        name = "tsuzuku",
        mixinStandardHelpOptions = true,
        version = "tsuzuku 0.1.0",
        description = "A micro-anime studio in a box: turns an IP into a daily vertical anime.",
        subcommands = {
            DemoCommand.class,
            NewCommand.class,
            PlanCommand.class,
            WriteCommand.class,
            BoardCommand.class,
            CheckCommand.class,
            ProduceCommand.class,
            ApproveCommand.class,
            CostCommand.class,
            TakesCommand.class,
            RegenerateCommand.class,
            StatusCommand.class,
            ScheduleCommand.class,
            ReleaseCommand.class,
            FeedCommand.class,
            ServeCommand.class,
            DoctorCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (tests call this directly). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::handle);
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            ex.getCommandLine().getErr().println("see: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            return BAD_INPUT;
        });
        return cl;
    }

    private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (ex instanceof BadInputException bad) {
            err.println("error: " + (bad.problems().size() == 1 ? "" : bad.problems().size() + " problems:\n") + bad.getMessage());
            return BAD_INPUT;
        }
        if (ex instanceof TsuzukuException t) {
            err.println("error: " + t.getMessage());
            if (t.retryable()) {
                err.println("this may pass if you run the same command again; finished work is kept");
            }
            return FAILURE;
        }
        StringWriter trace = new StringWriter();
        ex.printStackTrace(new PrintWriter(trace));
        err.println("error: unexpected " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
        if (System.getenv("TSUZUKU_DEBUG") != null) {
            err.println(trace);
        } else {
            err.println("(set TSUZUKU_DEBUG=1 to see the stack trace)");
        }
        return FAILURE;
    }
}
