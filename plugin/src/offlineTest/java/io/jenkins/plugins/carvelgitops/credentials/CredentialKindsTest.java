package io.jenkins.plugins.carvelgitops.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CredentialKindsTest {

    static final class SSHUserPrivateKeyImpl {
    }

    static final class CertificateCredentialsImpl {
    }

    @Test
    void errorsNameTheIdAndTheExpectedTypeInOneLine() {
        assertThat(CredentialKinds.missing("Git", "gitops-token", CredentialKinds.GIT_EXPECTED)).isEqualTo(
                "Git credential 'gitops-token' was not found (or this build may not use it); expected a "
                        + "Username with password or Secret text credential");
        assertThat(CredentialKinds.wrongType("Kubeconfig", "prod-kc", "Username Password",
                CredentialKinds.KUBECONFIG_EXPECTED)).isEqualTo(
                "Kubeconfig credential 'prod-kc' is a Username Password credential; expected a Secret file or "
                        + "Secret text credential");
    }

    @Test
    void describesImplementationClassesReadably() {
        assertThat(CredentialKinds.describe(SSHUserPrivateKeyImpl.class)).isEqualTo("SSH User Private Key");
        assertThat(CredentialKinds.describe(CertificateCredentialsImpl.class)).isEqualTo("Certificate");
    }
}
