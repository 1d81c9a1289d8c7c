/*
 * Compile-only stub: mirrors com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl of org.jenkins-ci.plugins:credentials:1415.v831096eb_5534.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package com.cloudbees.plugins.credentials.impl;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Descriptor;
import hudson.util.Secret;

public class UsernamePasswordCredentialsImpl extends BaseStandardCredentials implements StandardUsernamePasswordCredentials {
    private static final long serialVersionUID = 1L;

    public UsernamePasswordCredentialsImpl(CredentialsScope scope, String id, String description, String username,
            String password) throws Descriptor.FormException {
        super(scope, id, description);
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Secret getPassword() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public String getUsername() {
        throw new UnsupportedOperationException("stub");
    }
}
