package io.jenkins.plugins.carvelgitops.cli;

import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import picocli.CommandLine.Option;

/** {@code --dry-run} and {@code --exit-code}: drift detection without parsing the output. */
final class DryRunOptions {

    @Option(names = "--dry-run", description = "Print a unified diff of what would change; write nothing.")
    boolean dryRun;

    @Option(names = "--exit-code", description = "With --dry-run: exit 6 when something would change, 0 when "
            + "nothing would.")
    boolean exitCode;

    /** Checked before any work: {@code --exit-code} reports what a dry run found. */
    void check() {
        if (exitCode && !dryRun) {
            throw ValidationException.of("--exit-code", "", "only works with --dry-run",
                    "add --dry-run, or leave --exit-code out");
        }
    }

    int exitCode(boolean wouldChange) {
        return exitCode && wouldChange ? ExitCodes.WOULD_CHANGE : ExitCodes.OK;
    }
}
