package io.jenkins.plugins.carvelgitops.cli;

import io.jenkins.plugins.carvelgitops.engine.text.Text;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Everything the command line prints, stdout and stderr, passes {@link Text#withoutControls}:
 * messages quote Git, clusters and files, and none of them may drive the terminal.
 */
final class SafeOutput {

    private SafeOutput() {
    }

    /** {@code target}, filtered (once). */
    static PrintWriter of(PrintWriter target) {
        return target instanceof Filtered ? target : new Filtered(target);
    }

    /** Filters the output of {@code cli} and each of its subcommands, whatever writers they were given. */
    static void install(CommandLine cli) {
        cli.setOut(of(cli.getOut()));
        cli.setErr(of(cli.getErr()));
    }

    private static final class Filtered extends PrintWriter {
        Filtered(PrintWriter target) {
            super(new FilterWriter(target) {
                @Override
                public void write(int c) throws IOException {
                    out.write(Text.withoutControls(String.valueOf((char) c)));
                }

                @Override
                public void write(char[] buf, int off, int len) throws IOException {
                    out.write(Text.withoutControls(new String(buf, off, len)));
                }

                @Override
                public void write(String s, int off, int len) throws IOException {
                    out.write(Text.withoutControls(s.substring(off, off + len)));
                }
            }, true);
        }
    }
}
