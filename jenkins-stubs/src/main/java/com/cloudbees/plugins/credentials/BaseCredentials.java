/*
 * Compile-only stub: mirrors com.cloudbees.plugins.credentials.BaseCredentials of org.jenkins-ci.plugins:credentials:1415.v831096eb_5534.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package com.cloudbees.plugins.credentials;

public class BaseCredentials implements Credentials {
    private static final long serialVersionUID = 1L;

    public BaseCredentials(CredentialsScope scope) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public CredentialsDescriptor getDescriptor() {
        throw new UnsupportedOperationException("stub");
    }
}
