/*
 * Compile-only stub: mirrors org.jenkinsci.plugins.gitclient.CheckoutCommand of org.jenkins-ci.plugins:git-client:6.1.3.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package org.jenkinsci.plugins.gitclient;

public interface CheckoutCommand extends GitCommand {
    CheckoutCommand ref(String ref);

    CheckoutCommand branch(String branch);

    CheckoutCommand deleteBranchIfExist(boolean deleteBranch);
}
