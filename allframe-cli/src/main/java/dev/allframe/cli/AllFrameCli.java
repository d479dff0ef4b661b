package dev.allframe.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code allframe} command. Subcommands are grouped by topic ({@code allframe infra ...}); other topics join as
 * further subcommands.
 */
@Command(name = "allframe", mixinStandardHelpOptions = true, version = "allframe 0.1.0-SNAPSHOT",
        description = "Build, run and deploy AllFrame applications.",
        subcommands = {InfraCommand.class,
                InvokeCommand.class,
                EventsCommand.class,
                ProjectionsCommand.class,
                DevCommand.class,
                NewCommand.class,
                DockerfileCommand.class,
                CommandLine.HelpCommand.class})
public final class AllFrameCli implements Runnable {
    /** Exit code of a successful run. */
    public static final int OK = 0;
    /** Exit code when a check fails (drift, terraform validate). */
    public static final int CHECK_FAILED = 1;
    /** Exit code of bad usage or bad input. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Whether the command line being executed asked for stack traces; read by commands that report errors. */
    private static volatile boolean verboseRequested;

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an error.")
    boolean verbose;

    /** Creates the command (picocli instantiates it). */
    public AllFrameCli() {
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * @return a command line for this command, with AllFrame's exit codes for errors
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new AllFrameCli());
        // "--detail @file.json" is ours to read; picocli's own @argument-files would split it into words.
        cl.setExpandAtFiles(false);
        cl.setExecutionStrategy(parseResult -> {
            verboseRequested = parseResult.expandedArgs().contains("--verbose");
            return new CommandLine.RunLast().execute(parseResult);
        });
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // One clear line for the user; the stack trace only when asked for.
            String message = e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
            commandLine.getErr().println("error: " + message);
            if (parseResult.expandedArgs().contains("--verbose")) {
                e.printStackTrace(commandLine.getErr());
            } else if (!(e instanceof CliException) && !(e instanceof java.io.IOException)
                    && !(e instanceof IllegalArgumentException)) {
                commandLine.getErr().println("(run with --verbose for the stack trace)");
            }
            commandLine.getErr().flush();
            return BAD_INPUT;
        });
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("error: " + e.getMessage() + " (see '" + c.getCommandSpec().qualifiedName()
                    + " --help')");
            c.getErr().flush();
            return BAD_INPUT;
        });
        return cl;
    }

    /** @return whether the current command line has {@code --verbose} */
    static boolean verbose() {
        return verboseRequested;
    }

    /**
     * Runs the command and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
