/*
 * Compile-only stub: mirrors org.jenkinsci.plugins.gitclient.GitCommand of org.jenkins-ci.plugins:git-client:6.1.3.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package org.jenkinsci.plugins.gitclient;

import hudson.plugins.git.GitException;

public interface GitCommand {
    void execute() throws GitException, InterruptedException;
}
