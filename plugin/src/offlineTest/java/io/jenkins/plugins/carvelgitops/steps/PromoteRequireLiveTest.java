package io.jenkins.plugins.carvelgitops.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import hudson.AbortException;
import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code carvelGitopsPromote requireLive: true} as the agent runs it: the real callable, the engine's
 * decision, the source stage's PackageInstall read from a small API server through the stage's
 * kubeconfig; messages spelled the steps' way, the kubeconfig's token never in the log.
 */
class PromoteRequireLiveTest {

    private static final String TOKEN = "stage-kubeconfig-token-5f1c";

    @TempDir
    Path workspace;

    private HttpServer server;
    /** The PackageInstall the run cluster of staging serves; null: 404. */
    private final AtomicReference<String> packageInstall = new AtomicReference<>();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final TaskListener listener = new PrintingListener(new PrintStream(log, true, StandardCharsets.UTF_8));

    @BeforeEach
    void setUp() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/apis/packaging.carvel.dev/v1alpha1/namespaces/apps/packageinstalls/hello", exchange -> {
            String body = packageInstall.get();
            byte[] bytes = (body != null ? body : "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                    + "\"reason\":\"NotFound\",\"code\":404}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body != null ? 200 : 404, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        HelloWorkspace.writeConfig(workspace);
        Path pkg = Files.writeString(workspace.resolve("package.yaml"), HelloWorkspace.packageYaml("1.0.0"));
        new RenderCallable(inputs(), pkg.toString(), List.of(), null, false, false, false, null, null, listener)
                .invoke(workspace.toFile(), null);
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    @Test
    void promotesOnlyWhatTheSourceStageRunsAndCommitsNothingBefore() throws Exception {
        PromoteSettings s = new PromoteSettings("prod");
        s.setRequireLive(true);
        Map<String, String> kubeconfigs = Map.of("staging", kubeconfig());
        Path prod = workspace.resolve("gitops-repo/hello.default.tap/prod/packageinstall.yaml");

        packageInstall.set(pkgi("0.9.0"));
        assertThatThrownBy(() -> promote(s, kubeconfigs)).isInstanceOf(AbortException.class)
                .hasMessage("refusing to promote 1.0.0 to prod: staging: PackageInstall apps/hello on the run cluster "
                        + "of stage staging is not live at 1.0.0: ReconcileSucceeded 0.9.0 (reconciled 0.9.0, waiting for 1.0.0); "
                        + "nothing committed");
        assertThat(prod).doesNotExist();

        packageInstall.set(pkgi("1.0.0"));
        Delivery d = promote(s, kubeconfigs);
        assertThat(d.summary()).contains("1.0.0");
        assertThat(prod).exists();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("staging runs 1.0.0").doesNotContain(TOKEN);
    }

    @Test
    void withoutTheSourceStagesCredentialOrWithAnExplicitVersionTheStepSaysWhatIsMissing() {
        PromoteSettings s = new PromoteSettings("prod");
        s.setRequireLive(true);
        assertThatThrownBy(() -> promote(s, Map.of())).isInstanceOf(AbortException.class)
                .hasMessage("requireLive: needs the run cluster of stage staging; add a stage kubeconfig credential "
                        + "for staging to the Carvel GitOps global configuration");
        s.setVersion("1.0.0");
        assertThatThrownBy(() -> promote(s, Map.of())).hasMessage("requireLive: reads the version from a source "
                + "stage, but version: gives it; name a source stage with from: instead, or promote without "
                + "requireLive: true").message().doesNotContain("--");
        assertThat(workspace.resolve("gitops-repo/hello.default.tap/prod")).doesNotExist();
    }

    @Test
    void theSettingSurvivesVariableExpansion() {
        PromoteSettings s = new PromoteSettings("prod");
        s.setRequireLive(true);
        assertThat(s.expanded(v -> v).isRequireLive()).isTrue();
        assertThat(new PromoteSettings("prod").expanded(v -> v).isRequireLive()).isFalse();
    }

    private Delivery promote(PromoteSettings s, Map<String, String> kubeconfigs) throws Exception {
        return new PromoteCallable(inputs(), s, null, null, kubeconfigs, true, listener).invoke(workspace.toFile(), null);
    }

    private static ConfigInputs inputs() {
        return new ConfigInputs("carvel-gitops.yaml", Map.of(), Map.of());
    }

    private String kubeconfig() {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: staging
                  cluster:
                    server: http://127.0.0.1:%d
                users:
                - name: staging
                  user:
                    token: %s
                contexts:
                - name: staging
                  context: {cluster: staging, user: staging}
                current-context: staging
                """.formatted(server.getAddress().getPort(), TOKEN);
    }

    /** Seen by kapp-controller at its generation, reconciled at {@code version}. */
    private static String pkgi(String version) {
        return """
                {"apiVersion":"packaging.carvel.dev/v1alpha1","kind":"PackageInstall",
                 "metadata":{"name":"hello","namespace":"apps","generation":1},
                 "spec":{"serviceAccountName":"hello-installer"},
                 "status":{"observedGeneration":1,"version":"%s","lastAttemptedVersion":"%s",
                  "conditions":[{"type":"ReconcileSucceeded","status":"True"}]}}
                """.formatted(version, version);
    }

    private record PrintingListener(PrintStream logger) implements TaskListener {
        @Override
        public PrintStream getLogger() {
            return logger;
        }
    }
}
