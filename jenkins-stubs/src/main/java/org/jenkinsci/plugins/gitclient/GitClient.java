/*
 * Compile-only stub: mirrors org.jenkinsci.plugins.gitclient.GitClient of org.jenkins-ci.plugins:git-client:6.1.3.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package org.jenkinsci.plugins.gitclient;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.plugins.git.GitException;
import java.io.IOException;
import org.eclipse.jgit.lib.ObjectId;

public interface GitClient {
    void addDefaultCredentials(StandardCredentials credentials);

    void setAuthor(String name, String email) throws GitException;

    void setCommitter(String name, String email) throws GitException;

    <T> T withRepository(RepositoryCallback<T> callable) throws GitException, IOException, InterruptedException;

    void add(String filePattern) throws GitException, InterruptedException;

    void commit(String message) throws GitException, InterruptedException;

    boolean hasGitRepo() throws GitException, InterruptedException;

    CheckoutCommand checkout();

    FetchCommand fetch_();

    PushCommand push();

    InitCommand init_();

    void clean() throws GitException, InterruptedException;

    ObjectId getHeadRev(String remoteRepoUrl, String branch) throws GitException, InterruptedException;

    ObjectId revParse(String revName) throws GitException, InterruptedException;
}
