/*
 * Compile-only stub: mirrors org.jenkinsci.plugins.gitclient.PushCommand of org.jenkins-ci.plugins:git-client:6.1.3.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package org.jenkinsci.plugins.gitclient;

import org.eclipse.jgit.transport.URIish;

public interface PushCommand extends GitCommand {
    PushCommand to(URIish remote);

    PushCommand ref(String refspec);

    PushCommand force(boolean force);

    PushCommand timeout(Integer timeout);
}
