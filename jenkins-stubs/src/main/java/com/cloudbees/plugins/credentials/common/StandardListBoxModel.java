/*
 * Compile-only stub: mirrors com.cloudbees.plugins.credentials.common.StandardListBoxModel of org.jenkins-ci.plugins:credentials:1415.v831096eb_5534.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package com.cloudbees.plugins.credentials.common;

public class StandardListBoxModel extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {
    private static final long serialVersionUID = 1L;

    @Override
    protected String describe(StandardCredentials c) {
        throw new UnsupportedOperationException("stub");
    }
}
