package io.jenkins.plugins.carvelgitops.cli;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Children that take SIGINT as a user's terminal delivers it. A shell starts its background jobs with
 * SIGINT ignored, every process below inherits that, and a JVM started so installs no handler for it:
 * a test run from such a job would send SIGINT to a command line that cannot receive it. The child gets
 * the default back ({@code env --default-signal=INT}) when this JVM was started with SIGINT ignored.
 */
final class Signals {

    private static final int SIGINT = 2;

    private Signals() {
    }

    /** {@code command}, started with SIGINT at its default when this process ignores it. */
    static List<String> withDefaultInterrupt(List<String> command) {
        if (!interruptIgnored()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("env", "--default-signal=INT"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Whether this process ignores SIGINT ({@code SigIgn} in {@code /proc/self/status}; false without it). */
    static boolean interruptIgnored() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("SigIgn:")) {
                    return new BigInteger(line.substring("SigIgn:".length()).strip(), 16).testBit(SIGINT - 1);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return false;
        }
        return false;
    }
}
