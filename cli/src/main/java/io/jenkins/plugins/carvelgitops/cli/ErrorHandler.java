package io.jenkins.plugins.carvelgitops.cli;

import io.jenkins.plugins.carvelgitops.engine.git.GitopsGitException;
import io.jenkins.plugins.carvelgitops.engine.kube.ClusterException;
import io.jenkins.plugins.carvelgitops.engine.text.Text;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns exceptions into one line on stderr and an exit code: never a stack trace unless {@code --debug}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        CommandLine.ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        boolean debug = leaf.hasMatchedOption("--debug");
        int code;
        if (e instanceof ValidationException v) {
            v.problems().forEach(p -> err.println("error: " + p.line(CliSpelling.INSTANCE)));
            code = ExitCodes.INVALID;
        } else if (e instanceof GitopsGitException || e instanceof ClusterException || e instanceof IOException
                || e instanceof UncheckedIOException) {
            err.println("error: " + spelled(e.getMessage()));
            code = ExitCodes.GIT_OR_IO;
        } else {
            err.println("error: " + e.getClass().getSimpleName() + ": " + spelled(e.getMessage())
                    + " (run with --debug for details)");
            code = ExitCodes.GIT_OR_IO;
        }
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = SafeOutput.of(e.getCommandLine().getErr());
        err.println("error: " + (e instanceof CommandLine.UnmatchedArgumentException u ? unmatched(u.getUnmatched())
                : spelled(e.getMessage())));
        err.println("usage: " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help");
        err.flush();
        return ExitCodes.USAGE;
    }

    /**
     * Names unknown options only: what follows a mistyped {@code --Token} or {@code -t} is likely its
     * secret value, so no unmatched value is ever printed, and {@code --name=value} shows the name.
     */
    static String unmatched(java.util.List<String> arguments) {
        java.util.List<String> options = arguments.stream().filter(a -> a.length() > 1 && a.startsWith("-"))
                .map(a -> a.startsWith("--") ? a.split("=", 2)[0] : a.substring(0, 2)).distinct()
                .map(a -> "'" + a + "'").toList();
        long values = arguments.stream().filter(a -> !(a.length() > 1 && a.startsWith("-"))).count();
        String rest = values == 0 ? "" : (options.isEmpty() ? "" : ", and ") + values + " unexpected argument"
                + (values == 1 ? "" : "s") + " (not shown: it may be a secret)";
        return (options.isEmpty() ? "" : "unknown option" + (options.size() == 1 ? " " : "s ")
                + String.join(", ", options)) + rest;
    }

    /** One line, the engine's parameters spelled as this command line's options. */
    static String spelled(String s) {
        return Text.oneLine(CliSpelling.INSTANCE.spell(s), " ");
    }
}
