/*
 * Compile-only stub: mirrors com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials of org.jenkins-ci.plugins:credentials:1415.v831096eb_5534.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package com.cloudbees.plugins.credentials.common;

public interface StandardUsernamePasswordCredentials extends StandardUsernameCredentials, UsernamePasswordCredentials {
}
