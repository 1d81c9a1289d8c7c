package io.jenkins.plugins.carvelgitops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * How git-client's push failures are read. The messages are shaped as git-client 6.1.3 builds them:
 * JGit's {@code <message> <status> for '<refspec>' refspec '<refspec>' to <url>}, and the command-line
 * implementation's {@code Command "git push …" returned status code N:} with git's stdout and stderr.
 */
class GitClientMessagesTest {

    private static String jgit(String serverMessage, String status) {
        return serverMessage + " " + status + " for 'HEAD:refs/heads/main' refspec 'HEAD:refs/heads/main' to "
                + "https://git.example.com/acme/blockchain-gitops.git";
    }

    private static String cli(String statusLine) {
        return "Command \"git push https://git.example.com/acme/gitops.git HEAD:refs/heads/main\" returned status "
                + "code 1:\nstdout: \nstderr: To https://git.example.com/acme/gitops.git\n" + statusLine + "\n"
                + "error: failed to push some refs to 'https://git.example.com/acme/gitops.git'\n"
                + "hint: Updates were rejected because the remote contains work that you do not have locally.\n";
    }

    @Test
    void jgitRaceStatusesAreRejections() {
        assertThat(GitClientMessages.isRejectedPush(jgit("null", "REJECTED_NONFASTFORWARD"))).isTrue();
        assertThat(GitClientMessages.isRejectedPush(jgit("null", "REJECTED_REMOTE_CHANGED"))).isTrue();
        assertThat(GitClientMessages.isRejectedPush(jgit("failed to lock", "REJECTED_OTHER_REASON"))).isTrue();
        assertThat(GitClientMessages.isRejectedPush(jgit("ref refs/heads/main already exists",
                "REJECTED_OTHER_REASON"))).isTrue();
    }

    @Test
    void aRefusalThatIsNoRaceIsAnErrorEvenWhenTheUrlSaysLock() {
        // the repository is called blockchain-gitops: "lock" in the URL must not count
        assertThat(GitClientMessages.isRejectedPush(jgit("pre-receive hook declined", "REJECTED_OTHER_REASON")))
                .isFalse();
        assertThat(GitClientMessages.isRejectedPush(jgit("null", "REJECTED_NODELETE"))).isFalse();
        assertThat(GitClientMessages.isRejectedPush(jgit("null", "NON_EXISTING"))).isFalse();
    }

    @Test
    void commandLineGitRejectionsAreRead() {
        assertThat(GitClientMessages.isRejectedPush(cli(" ! [rejected]        HEAD -> main (fetch first)"))).isTrue();
        assertThat(GitClientMessages.isRejectedPush(cli(" ! [rejected]        HEAD -> main (non-fast-forward)")))
                .isTrue();
        assertThat(GitClientMessages.isRejectedPush(cli(" ! [remote rejected] HEAD -> main (cannot lock ref "
                + "'refs/heads/main': is at 1111 but expected 2222)"))).isTrue();
        assertThat(GitClientMessages.isRejectedPush(cli(" ! [remote rejected] HEAD -> main (pre-receive hook "
                + "declined)"))).isFalse();
        assertThat(GitClientMessages.isRejectedPush(cli(" ! [remote rejected] HEAD -> main (protected branch hook "
                + "declined)"))).isFalse();
        assertThat(GitClientMessages.isRejectedPush(cli(" ! [remote rejected] HEAD -> main (branch is locked)")))
                .isFalse();
        assertThat(GitClientMessages.isRejectedPush(jgit("branch is locked", "REJECTED_OTHER_REASON"))).isFalse();
    }

    @Test
    void otherFailuresAreNotRejections() {
        assertThat(GitClientMessages.isRejectedPush(null)).isFalse();
        assertThat(GitClientMessages.isRejectedPush("org.eclipse.jgit.api.errors.TransportException: "
                + "https://git.example.com/acme/gitops.git: not authorized")).isFalse();
        assertThat(GitClientMessages.isRejectedPush("Command \"git push …\" returned status code 128:\nstdout: \n"
                + "stderr: fatal: unable to access 'https://git.example.com/acme/gitops.git/': Could not resolve host"))
                .isFalse();
    }

    @Test
    void authenticationAndAccessFailuresAreRecognised() {
        assertThat(GitClientMessages.isAuthenticationFailure("org.eclipse.jgit.api.errors.TransportException: "
                + "https://git.example.com/acme/gitops.git: not authorized")).isTrue();
        assertThat(GitClientMessages.isAuthenticationFailure("remote: HTTP Basic: Access denied\nfatal: "
                + "Authentication failed for 'https://git.example.com/acme/gitops.git/'")).isTrue();
        assertThat(GitClientMessages.isAccessDenied("https://git.example.com/acme/gitops.git: 403 Forbidden"))
                .isTrue();
        assertThat(GitClientMessages.isAuthenticationFailure(jgit("null", "REJECTED_NONFASTFORWARD"))).isFalse();
        assertThat(GitClientMessages.isUnreachable("org.eclipse.jgit.api.errors.TransportException: "
                + "https://git.example.com/acme/gitops.git: Connection refused")).isTrue();
        assertThat(GitClientMessages.isUnreachable(jgit("null", "REJECTED_NONFASTFORWARD"))).isFalse();
    }

    @Test
    void redactionReplacesTheSecretEverywhere() {
        assertThat(GitClientMessages.redact("token s3cr3t rejected; s3cr3t", "s3cr3t"))
                .isEqualTo("token **** rejected; ****");
        assertThat(GitClientMessages.redact(null, "s3cr3t")).isEmpty();
        assertThat(GitClientMessages.redact("plain", null)).isEqualTo("plain");
    }
}
