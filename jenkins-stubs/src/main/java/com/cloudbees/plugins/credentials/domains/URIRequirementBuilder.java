/*
 * Compile-only stub: mirrors com.cloudbees.plugins.credentials.domains.URIRequirementBuilder of org.jenkins-ci.plugins:credentials:1415.v831096eb_5534.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package com.cloudbees.plugins.credentials.domains;

import java.util.List;

public class URIRequirementBuilder {
    private URIRequirementBuilder() {
        throw new UnsupportedOperationException("stub");
    }

    public static URIRequirementBuilder fromUri(String uri) {
        throw new UnsupportedOperationException("stub");
    }

    public List<DomainRequirement> build() {
        throw new UnsupportedOperationException("stub");
    }
}
