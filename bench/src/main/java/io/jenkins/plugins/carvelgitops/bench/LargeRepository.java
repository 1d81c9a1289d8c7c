package io.jenkins.plugins.carvelgitops.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A GitOps repository the size real ones reach: many unrelated files and a long history, made in
 * seconds with {@code git fast-import}.
 */
final class LargeRepository {

    private LargeRepository() {
    }

    /** Creates a non-bare repository at {@code dir} on branch main, checked out. */
    static void create(Path dir, int files, int commits) throws Exception {
        Files.createDirectories(dir);
        Processes.run(dir, List.of("git", "init", "-q", "-b", "main"), null);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        int perCommit = Math.max(1, files / commits);
        int written = 0;
        for (int c = 1; c <= commits; c++) {
            StringBuilder sb = new StringBuilder();
            sb.append("commit refs/heads/main\n");
            sb.append("committer bench <bench@example.com> ").append(1_700_000_000L + c).append(" +0000\n");
            String msg = "unrelated change " + c;
            sb.append("data ").append(msg.length()).append('\n').append(msg).append('\n');
            int upTo = c == commits ? files : Math.min(files, written + perCommit);
            for (; written < upTo; written++) {
                String content = "team: t" + (written % 50) + "\nfile: " + written + "\n";
                sb.append("M 644 inline other/team-").append(written % 50).append("/app-").append(written)
                        .append(".yaml\n").append("data ").append(content.length()).append('\n').append(content);
            }
            {
                String content = "history " + c + "\n";
                sb.append("M 644 inline other/history.txt\ndata ").append(content.length()).append('\n')
                        .append(content);
            }
            sb.append('\n');
            stream.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        Processes.run(dir, List.of("git", "fast-import", "--quiet"), stream.toByteArray());
        Processes.run(dir, List.of("git", "checkout", "-q", "-f", "main"), null);
    }

    /** Back to the generated state: drops whatever a scenario committed or wrote. */
    static void reset(Path dir, String head) {
        Processes.run(dir, List.of("git", "reset", "-q", "--hard", head), null);
        Processes.run(dir, List.of("git", "clean", "-q", "-fdx"), null);
    }

    static String head(Path dir) {
        return Processes.run(dir, List.of("git", "rev-parse", "HEAD"), null).strip();
    }
}
