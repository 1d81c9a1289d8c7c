package io.jenkins.plugins.carvelgitops.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code carvel-gitops}: deliver Carvel Packages through a GitOps repository and Flux CD. */
@Command(name = "carvel-gitops", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Deliver Carvel Packages to Kubernetes run clusters through a GitOps repository and Flux CD.",
        subcommands = {RenderCommand.class, PromoteCommand.class, VerifyCommand.class, BootstrapCommand.class,
                StatusCommand.class, InitCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (0 done, 1 invalid input, 2 usage, 3 Git, cluster or I/O, 4 failed, 5 timed out, 6 a dry run with --exit-code found changes). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Runs a command line with the given output streams (tests, embedding). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /** The command line reading credentials and the cache location from {@code env} instead of the process's. */
    static CommandLine commandLine(Map<String, String> env) {
        CommandLine cli = new CommandLine(new Main(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                K created = CommandLine.defaultFactory().create(cls);
                if (created instanceof RemoteAccessOptions remote) {
                    remote.env = Map.copyOf(env);
                }
                return created;
            }
        });
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setParameterExceptionHandler(new ErrorHandler());
        // Output is filtered for control characters, so help is printed without ANSI colours too.
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        cli.setExecutionStrategy(parsed -> {
            parsed.asCommandLineList().forEach(SafeOutput::install);
            return run.execute(parsed);
        });
        return cli;
    }
}
