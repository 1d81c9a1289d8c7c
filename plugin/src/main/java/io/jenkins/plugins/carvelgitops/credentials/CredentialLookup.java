package io.jenkins.plugins.carvelgitops.credentials;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.AbortException;
import hudson.model.Descriptor;
import hudson.model.Run;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Resolves credential IDs in the context of a build, records their use on the build
 * ({@link CredentialsProvider#track}), and turns them into what the work on the agent needs. Errors
 * name the ID and the expected type, never a secret.
 */
public final class CredentialLookup {

    /** The user name that presents a Secret text token to a Git server; hosts accept any name with a token. */
    public static final String TOKEN_USERNAME = "x-access-token";

    private CredentialLookup() {
    }

    /**
     * The Git credential as git-client uses it: a snapshot of a Username with password credential, a
     * Secret text token wrapped as one (user {@value #TOKEN_USERNAME}) in memory only. Its domain is
     * matched against {@code repositoryUrl}, the URL the config file names.
     */
    public static StandardUsernamePasswordCredentials git(Run<?, ?> run, String id, String repositoryUrl)
            throws IOException {
        StandardCredentials c = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run,
                URIRequirementBuilder.fromUri(repositoryUrl).build());
        if (c == null) {
            throw new AbortException(CredentialKinds.missing("Git", id, CredentialKinds.GIT_EXPECTED));
        }
        if (c instanceof StandardUsernamePasswordCredentials up) {
            CredentialsProvider.track(run, c);
            // the value goes to an agent: a self-contained copy, not the provider's object
            return CredentialsProvider.snapshot(StandardUsernamePasswordCredentials.class, up);
        }
        if (c instanceof StringCredentials token) {
            CredentialsProvider.track(run, c);
            try {
                return new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, c.getId(), c.getDescription(),
                        TOKEN_USERNAME, token.getSecret().getPlainText());
            } catch (Descriptor.FormException e) {
                throw new AbortException("Git credential '" + id + "' cannot be used: " + e.getMessage());
            }
        }
        throw new AbortException(CredentialKinds.wrongType("Git", id, CredentialKinds.describe(c.getClass()),
                CredentialKinds.GIT_EXPECTED));
    }

    /** The content of a kubeconfig held as Secret file or Secret text. */
    public static String kubeconfig(Run<?, ?> run, String id) throws IOException {
        return fileOrText(run, id, "Kubeconfig");
    }

    /** The YAML of a stage's secret values, held as Secret file or Secret text. */
    public static String secretValues(Run<?, ?> run, String id) throws IOException {
        return fileOrText(run, id, "Secret values");
    }

    private static String fileOrText(Run<?, ?> run, String id, String what) throws IOException {
        StandardCredentials c = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run);
        if (c == null) {
            throw new AbortException(CredentialKinds.missing(what, id, CredentialKinds.KUBECONFIG_EXPECTED));
        }
        if (c instanceof FileCredentials file) {
            CredentialsProvider.track(run, c);
            try (InputStream in = file.getContent()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        if (c instanceof StringCredentials text) {
            CredentialsProvider.track(run, c);
            return text.getSecret().getPlainText();
        }
        throw new AbortException(CredentialKinds.wrongType(what, id, CredentialKinds.describe(c.getClass()),
                CredentialKinds.KUBECONFIG_EXPECTED));
    }
}
