package io.jenkins.plugins.carvelgitops.engine.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;

/**
 * Whether a promotion branch already holds a commit: same tree and same parents. Read from the raw
 * commit objects, because a branch head fetched at depth 1 is shallow and a revision walk would report
 * it without parents.
 */
public final class BranchContent {

    private BranchContent() {
    }

    /** True when both commits exist here and have the same tree and the same parents. */
    public static boolean same(Repository repo, ObjectId a, ObjectId b) throws IOException {
        if (a == null || b == null) {
            return false;
        }
        try (ObjectReader reader = repo.newObjectReader()) {
            if (!reader.has(a) || !reader.has(b)) {
                return false;
            }
            return header(reader, a).equals(header(reader, b));
        }
    }

    /** The commit's {@code tree} and {@code parent} lines. */
    private static List<String> header(ObjectReader reader, ObjectId id) throws IOException {
        String raw = new String(reader.open(id, Constants.OBJ_COMMIT).getCachedBytes(), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        for (String line : raw.split("\n")) {
            if (line.startsWith("tree ") || line.startsWith("parent ")) {
                lines.add(line);
            } else {
                break;
            }
        }
        return lines;
    }
}
