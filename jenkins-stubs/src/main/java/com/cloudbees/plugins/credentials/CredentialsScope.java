/*
 * Compile-only stub: mirrors com.cloudbees.plugins.credentials.CredentialsScope of org.jenkins-ci.plugins:credentials:1415.v831096eb_5534.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package com.cloudbees.plugins.credentials;

import java.io.Serializable;

public enum CredentialsScope implements Serializable {
    SYSTEM, GLOBAL, USER
}
