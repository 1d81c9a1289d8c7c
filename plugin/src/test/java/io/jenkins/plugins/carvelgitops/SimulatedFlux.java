package io.jenkins.plugins.carvelgitops;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.FilePath;
import hudson.model.Slave;
import hudson.util.Secret;
import io.jenkins.plugins.carvelgitops.config.CarvelGitopsGlobalConfiguration;
import io.jenkins.plugins.carvelgitops.config.StageKubeconfig;
import io.jenkins.plugins.carvelgitops.engine.testing.FluxSimulator;
import io.jenkins.plugins.carvelgitops.engine.testing.PinnedGitops;
import io.jenkins.plugins.carvelgitops.engine.testing.SimulatedDelivery;
import java.nio.file.Path;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * A delivery Flux can complete: the engine's simulated build and run clusters (Flux and kapp-controller
 * on fabric8's mock API server) and a GitOps repository in a local folder whose head pins
 * {@value #VERSION} for the stage {@code prod}. {@link #addCredentials} adds {@code build-kubeconfig} and
 * {@code prod-kubeconfig} holding the clusters' kubeconfigs; the global configuration names the second for prod.
 * The clusters live in the test JVM, so they outlast a Jenkins restart.
 */
final class SimulatedFlux implements AutoCloseable {

    static final String VERSION = "1.2.3";

    final SimulatedDelivery delivery;
    final Path repository;
    final String sha;

    private SimulatedFlux(SimulatedDelivery delivery, Path repository, String sha) {
        this.delivery = delivery;
        this.repository = repository;
        this.sha = sha;
    }

    /**
     * @param reactToRequests false: Flux acts only on {@code delivery.flux.tick()}, so a wait lasts until the
     *                        test lets it end
     */
    static SimulatedFlux start(Path dir, boolean reactToRequests) throws Exception {
        Path repository = dir.resolve("gitops");
        String sha = PinnedGitops.commit(repository, VERSION, List.of("prod"));
        SimulatedDelivery d = new SimulatedDelivery("v1", FluxSimulator.Format.SHA1, List.of("prod"), 1, false);
        d.flux.reactToRequests(reactToRequests);
        d.flux.head(sha);
        d.deliver("prod", VERSION);
        return new SimulatedFlux(d, repository, sha);
    }

    /** Adds the kubeconfig credentials and names prod's in the global configuration (needs a running Jenkins). */
    void addCredentials() throws Exception {
        SystemCredentialsProvider credentials = SystemCredentialsProvider.getInstance();
        credentials.getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL, "build-kubeconfig",
                "build cluster", Secret.fromString(delivery.build.kubeconfig().content())));
        credentials.getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL, "prod-kubeconfig",
                "prod run cluster", Secret.fromString(delivery.run("prod").kubeconfig().content())));
        credentials.save();
        CarvelGitopsGlobalConfiguration.get().setStages(List.of(new StageKubeconfig("prod", "prod-kubeconfig")));
    }

    /** Writes {@code carvel-gitops.yaml} naming the repository (forward slashes: a YAML-safe path on Windows too). */
    void writeConfig(FilePath workspace) throws Exception {
        workspace.child("carvel-gitops.yaml").write("""
                package: app.default.tap
                install: app
                repository: {url: "%s", branch: main}
                flux: {apiVersion: v1, namespace: build-ns, url: https://git.example.com/acme/gitops.git}
                stages:
                  - {name: prod, namespace: apps, serviceAccount: app-installer}
                """.formatted(repository.toString().replace('\\', '/')), "UTF-8");
    }

    /**
     * A Pipeline job running {@code fluxVerify} of prod at the repository's head, printing what it returned,
     * on {@code agent} (null: the built-in node), with its config file in the workspace there.
     *
     * @param extraArguments more {@code fluxVerify} arguments ({@code "credentialsId: 'x'"}), or null
     */
    WorkflowJob verifyJob(JenkinsRule j, String name, Slave agent, String extraArguments) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, name);
        p.setDefinition(new CpsFlowDefinition("""
                node(%s) {
                  def v = fluxVerify(stages: 'prod', revision: '%s', kubeconfigCredentialsId: 'build-kubeconfig',
                                     timeout: '3m'%s)
                  echo "ready=${v.ready} revision=${v.revision} version=${v.stages[0].version}"
                }
                """.formatted(agent == null ? "" : "'" + agent.getNodeName() + "'", sha,
                extraArguments == null ? "" : ", " + extraArguments), true));
        writeConfig(agent == null ? j.jenkins.getWorkspaceFor(p) : agent.getWorkspaceFor(p));
        return p;
    }

    /** The line {@link #verifyJob}'s Pipeline prints when the wait succeeded. */
    String readyLine() {
        return "ready=true revision=" + sha + " version=" + VERSION;
    }

    @Override
    public void close() {
        delivery.close();
    }
}
