package io.jenkins.plugins.carvelgitops.engine.git;

import io.jenkins.plugins.carvelgitops.engine.config.CommitSpec;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.UserConfig;

/** Who commits: the configured author, else the Git config's user, else the tool's own identity. */
public final class CommitIdentity {

    public static final String TOOL_NAME = "carvel-gitops";
    public static final String TOOL_EMAIL = "carvel-gitops@users.noreply.invalid";

    private CommitIdentity() {
    }

    public static PersonIdent resolve(CommitSpec spec, Config gitConfig) {
        String name = spec.authorName();
        String email = spec.authorEmail();
        if (gitConfig != null) {
            UserConfig user = gitConfig.get(UserConfig.KEY);
            if (name == null && !user.isAuthorNameImplicit()) {
                name = user.getAuthorName();
            }
            if (email == null && !user.isAuthorEmailImplicit()) {
                email = user.getAuthorEmail();
            }
        }
        return new PersonIdent(name == null ? TOOL_NAME : name, email == null ? TOOL_EMAIL : email);
    }
}
