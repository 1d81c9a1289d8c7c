package io.jenkins.plugins.carvelgitops.engine.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A lost ref race is retried from the new head; a refusal of the change itself never is. */
class PushRefusalsTest {

    @ParameterizedTest(name = "{0}: lost race = {1}")
    @CsvSource(delimiter = ';', value = {
        "non-fast-forward; true",
        "fetch first; true",
        "stale info; true",
        "cannot lock ref 'refs/heads/main'; true",
        "failed to lock; true",
        "lock failure; true",
        "invalid old id sent; true",
        "ref refs/heads/main already exists; true",
        "failed to update ref; true",
        "branch is locked; false",
        "pre-receive hook declined: branch is locked for the release; false",
        "protected branch hook declined; false",
        "pre-receive hook declined; false",
    })
    void classifiesTheServersReason(String reason, boolean lostRace) {
        assertThat(PushRefusals.isLostRace(reason)).isEqualTo(lostRace);
        assertThat(JGitRemote.lostRace(reason)).isEqualTo(lostRace);
        assertThat(PushRefusals.isLostRace("REJECTED_OTHER_REASON", reason)).isEqualTo(lostRace);
    }

    @ParameterizedTest(name = "{0} ({1}): lost race = {2}")
    @CsvSource(delimiter = ';', value = {
        "REJECTED_NONFASTFORWARD; ; true",
        "REJECTED_REMOTE_CHANGED; ; true",
        "REJECTED_OTHER_REASON; branch is locked; false",
        "REJECTED_OTHER_REASON; failed to lock; true",
        "REJECTED_NODELETE; failed to lock; false",
        "NON_EXISTING; non-fast-forward; false",
        "NOT_ATTEMPTED; ; false",
    })
    void classifiesJGitsStatusAndTheReasonTogether(String status, String reason, boolean lostRace) {
        assertThat(PushRefusals.isLostRace(status, reason)).isEqualTo(lostRace);
    }

    @org.junit.jupiter.api.Test
    void theReasonCarriesWhatTheServerSaidBesideTheRefsOwnStatus() {
        // Gitea 1.27.3: C Git's receive-pack words the ref's refusal, the hook's words come as "remote:" lines,
        // framed by bare "error:" lines
        assertThat(PushRefusals.reason("pre-receive hook declined", "error:\nerror: Not allowed to push to protected "
                + "branch main\nerror:\n")).isEqualTo("pre-receive hook declined (the server said: error: Not allowed "
                + "to push to protected branch main)");
        assertThat(PushRefusals.reason("pre-receive hook declined", "remote: \nerror:  \n")).isEqualTo(
                "pre-receive hook declined");
        assertThat(PushRefusals.reason("pre-receive hook declined", "first line\r\nsecond\u001b[0m line\n"))
                .isEqualTo("pre-receive hook declined (the server said: first line; second [0m line)");
        assertThat(PushRefusals.reason("protected branch: use a pull request", "protected branch: use a pull request"))
                .isEqualTo("protected branch: use a pull request");
        assertThat(PushRefusals.reason("branch is locked", null)).isEqualTo("branch is locked");
        assertThat(PushRefusals.reason("branch is locked", "  \n")).isEqualTo("branch is locked");
        assertThat(PushRefusals.reason(null, "hook said no")).isEqualTo("the server said: hook said no");
        assertThat(PushRefusals.reason("declined", "x".repeat(600))).hasSize("declined (the server said: ".length()
                + 500 + 2);
    }
}
