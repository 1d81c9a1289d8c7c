/*
 * Compile-only stub: mirrors org.jenkinsci.plugins.plaincredentials.FileCredentials of org.jenkins-ci.plugins:plain-credentials:199.v9f8e1f741799.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import java.io.IOException;
import java.io.InputStream;

public interface FileCredentials extends StandardCredentials {
    InputStream getContent() throws IOException;
}
