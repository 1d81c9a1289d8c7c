package io.jenkins.plugins.carvelgitops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.kube.ClusterAccess;
import io.jenkins.plugins.carvelgitops.engine.kube.ObjectRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code carvelGitopsBootstrap} returns as {@code applied}: one plain line per object, in order. */
class BootstrapResultTest {

    @Test
    void oneLinePerAppliedObjectNamingKindNamespaceNameAndOutcome() {
        ArrayList<String> lines = BootstrapCallable.applied(List.of(
                new ClusterAccess.Applied(new ObjectRef("v1", "Secret", "build-ns", "hello.default.tap-gitops-auth"),
                        ClusterAccess.Applied.Outcome.CREATED),
                new ClusterAccess.Applied(new ObjectRef("v1", "Namespace", null, "apps"),
                        ClusterAccess.Applied.Outcome.UNCHANGED)));
        assertThat(lines).containsExactly("Secret/build-ns/hello.default.tap-gitops-auth created",
                "Namespace/apps unchanged");
    }
}
