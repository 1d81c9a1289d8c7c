package io.jenkins.plugins.carvelgitops.steps;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.jenkinsci.plugins.gitclient.GitHostKeyVerificationConfiguration;
import org.jenkinsci.plugins.gitclient.verifier.HostKeyVerifierFactory;

/**
 * What the agent-side Git client needs from the controller besides the credential: the build's
 * environment (proxy variables, {@code GIT_*} settings) as plain strings, and the SSH host key
 * verification chosen in the global security configuration (an agent has no Jenkins to ask). Travels
 * to the agent inside a callable only; never persisted.
 */
public final class GitSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    private final TreeMap<String, String> environment;
    private final HostKeyVerifierFactory hostKeys;

    /**
     * @param hostKeys the SSH host key verifier, or null where no Jenkins is running (tests)
     */
    public GitSettings(Map<String, String> environment, HostKeyVerifierFactory hostKeys) {
        this.environment = new TreeMap<>(environment == null ? Map.of() : environment);
        this.hostKeys = hostKeys;
    }

    /** On the controller: the build's environment and the configured SSH host key verification. */
    static GitSettings forBuild(Map<String, String> environment) {
        return new GitSettings(environment,
                GitHostKeyVerificationConfiguration.get().getSshHostKeyVerificationStrategy().getVerifier());
    }

    public Map<String, String> environment() {
        return Collections.unmodifiableMap(environment);
    }

    public HostKeyVerifierFactory hostKeys() {
        return hostKeys;
    }
}
