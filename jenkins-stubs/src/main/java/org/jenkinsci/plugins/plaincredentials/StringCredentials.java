/*
 * Compile-only stub: mirrors org.jenkinsci.plugins.plaincredentials.StringCredentials of org.jenkins-ci.plugins:plain-credentials:199.v9f8e1f741799.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.util.Secret;

public interface StringCredentials extends StandardCredentials {
    Secret getSecret();
}
