package io.jenkins.plugins.carvelgitops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** A stage's verify result speaks the engine's state words, also when read from an older build's record. */
class StageResultTest {

    @Test
    void anOlderRecordsUpperCaseStateIsReadAsTodaysWord() throws Exception {
        assertThat(roundTrip(new StageResult("prod", "NOT_READY", null, null, 1, "x")).getState())
                .isEqualTo("progressing");
        assertThat(roundTrip(new StageResult("prod", "ABORTED", null, null, 1, "x")).getState()).isEqualTo("canceled");
        StageResult ready = roundTrip(new StageResult("prod", "READY", null, null, 1, null));
        assertThat(ready.isReady()).isTrue();
        assertThat(ready.getColour()).isEqualTo("carvel-gitops-ok");
        assertThat(roundTrip(new StageResult("prod", "timedOut", "r", "1.2.3", 7, "m")))
                .usingRecursiveComparison().isEqualTo(new StageResult("prod", "timedOut", "r", "1.2.3", 7, "m"));
    }

    @Test
    void coloursFollowTheState() {
        assertThat(new StageResult("s", "progressing", null, null, 0, null).getColour())
                .isEqualTo("carvel-gitops-pending");
        assertThat(new StageResult("s", "canceled", null, null, 0, null).getColour()).isEqualTo("carvel-gitops-pending");
        assertThat(new StageResult("s", "timedOut", null, null, 0, null).getColour()).isEqualTo("carvel-gitops-failed");
        assertThat(new StageResult("s", "failed", null, null, 0, null).getColour()).isEqualTo("carvel-gitops-failed");
    }

    private static StageResult roundTrip(StageResult r) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(r);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (StageResult) in.readObject();
        }
    }
}
