package io.jenkins.plugins.carvelgitops.engine.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Looks for a secret where it must never be: files on disk, exception texts. */
public final class SecretScan {

    private SecretScan() {
    }

    /** Every regular file under {@code root} whose bytes contain {@code secret} (as UTF-8). */
    public static List<Path> filesContaining(Path root, String secret) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        try (var paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).filter(p -> contains(read(p), needle)).toList();
        }
    }

    /** The exception's messages and stack trace, causes and suppressed ones included. */
    public static String throwableText(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
