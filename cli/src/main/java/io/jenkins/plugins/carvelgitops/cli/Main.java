package io.jenkins.plugins.carvelgitops.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** {@code carvel-gitops}: deliver Carvel Packages through a GitOps repository and Flux CD. */
@Command(name = "carvel-gitops", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Deliver Carvel Packages to Kubernetes run clusters through a GitOps repository and Flux CD.")
public final class Main {

    /** The subcommands in the order help lists them; {@code help} follows them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(RenderCommand.class, PromoteCommand.class,
            VerifyCommand.class, BootstrapCommand.class, StatusCommand.class, InitCommand.class,
            CompletionCommand.class);

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (0 done, 1 invalid input, 2 usage, 3 Git, cluster or I/O, 4 failed, 5 timed out, 6 a dry run with --exit-code found changes). */
    public static int run(String... args) {
        return commandLine(System.getenv(), args).execute(args);
    }

    /** Runs a command line with the given output streams (tests, embedding). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = commandLine(System.getenv(), args);
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
        return commandLine(env, Set.copyOf(names()));
    }

    /**
     * The command line for one run of {@code args}: only the subcommands it names get their full model (picocli
     * reads every option of a command by reflection, most of the start-up time); the others are listed by
     * name and description, which is all the top-level help shows.
     */
    static CommandLine commandLine(Map<String, String> env, String... args) {
        return commandLine(env, invoked(args));
    }

    private static CommandLine commandLine(Map<String, String> env, Set<String> modelled) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                K created = CommandLine.defaultFactory().create(cls);
                if (created instanceof RemoteAccessOptions remote) {
                    remote.env = Map.copyOf(env);
                }
                return created;
            }
        };
        CommandLine cli = new CommandLine(new Main(), factory);
        for (Class<?> command : SUBCOMMANDS) {
            Command declared = command.getAnnotation(Command.class);
            if (modelled.contains(declared.name())) {
                cli.addSubcommand(declared.name(), new CommandLine(command, factory));
            } else {
                CommandSpec listed = CommandSpec.create().name(declared.name());
                listed.usageMessage().description(declared.description());
                cli.addSubcommand(declared.name(), listed);
            }
        }
        cli.addSubcommand("help", new CommandLine.HelpCommand());
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

    private static List<String> names() {
        return SUBCOMMANDS.stream().map(c -> c.getAnnotation(Command.class).name()).toList();
    }

    /** The subcommands a run of {@code args} may execute or describe: all of them for {@code completion}. */
    private static Set<String> invoked(String... args) {
        Set<String> named = Arrays.stream(args).takeWhile(a -> !a.equals("--")).collect(Collectors.toSet());
        named.retainAll(names());
        return named.contains("completion") ? Set.copyOf(names()) : named;
    }
}
