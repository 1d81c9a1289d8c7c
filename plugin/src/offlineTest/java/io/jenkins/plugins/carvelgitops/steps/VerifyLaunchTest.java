package io.jenkins.plugins.carvelgitops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one launch description fluxVerify persists and the freestyle step uses: ids only, never secrets. */
class VerifyLaunchTest {

    @Test
    void survivesTheStepsSerialFormWithIdsOnly() throws Exception {
        VerifyTargets targets = VerifyTargets.of(List.of("prod"), "a".repeat(40), Map.of());
        LinkedHashMap<String, String> stageIds = new LinkedHashMap<>(Map.of("prod", "prod-kubeconfig"));
        VerifyLaunch launch = new VerifyLaunch(new ConfigInputs("carvel-gitops.yaml", new LinkedHashMap<>(),
                new LinkedHashMap<>()), targets, 1_234L, true, "build-kubeconfig", stageIds, "git-token", null);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(launch);
        }
        VerifyLaunch back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (VerifyLaunch) in.readObject();
        }

        assertThat(back.deadlineMillis()).isEqualTo(1_234L);
        assertThat(back.targets().describe()).isEqualTo("prod at aaaaaaa");
        assertThat(bytes.toString(java.nio.charset.StandardCharsets.ISO_8859_1)).contains("build-kubeconfig")
                .contains("git-token").doesNotContain("apiVersion");
    }
}
