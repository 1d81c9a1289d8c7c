/*
 * Compile-only stub: mirrors org.jenkinsci.plugins.gitclient.FetchCommand of org.jenkins-ci.plugins:git-client:6.1.3.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package org.jenkinsci.plugins.gitclient;

import java.util.List;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.URIish;

public interface FetchCommand extends GitCommand {
    FetchCommand from(URIish remote, List<RefSpec> refspecs);

    FetchCommand shallow(boolean shallow);

    FetchCommand timeout(Integer timeout);

    FetchCommand tags(boolean tags);

    FetchCommand depth(Integer depth);
}
