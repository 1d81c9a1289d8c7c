package io.jenkins.plugins.carvelgitops.steps;

import io.jenkins.plugins.carvelgitops.engine.git.GitopsGitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** The commits of a repository on the agent whose SHA starts with a prefix (for an abbreviated {@code revision}). */
final class AbbreviatedCommits {

    private AbbreviatedCommits() {
    }

    /** @param folder a working copy (holding {@code .git}) or a bare repository */
    static List<String> matching(Path folder, String prefix) {
        List<String> shas = new ArrayList<>();
        if (!AbbreviatedObjectId.isId(prefix)) {
            return shas;
        }
        Path dotGit = folder.resolve(".git");
        Path gitDir = Files.isDirectory(dotGit) ? dotGit : folder;
        try (Repository repo = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
                ObjectReader reader = repo.newObjectReader()) {
            for (ObjectId id : reader.resolve(AbbreviatedObjectId.fromString(prefix))) {
                if (reader.open(id).getType() == Constants.OBJ_COMMIT) {
                    shas.add(id.name());
                }
            }
        } catch (IOException e) {
            throw new GitopsGitException("cannot look up commit " + prefix + " in " + folder + ": " + e.getMessage(), e);
        }
        return shas;
    }
}
