package io.jenkins.plugins.carvelgitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.config.CarvelGitopsGlobalConfiguration;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.Util;
import org.junit.jupiter.api.Test;

/** The JCasC example of docs/examples/jcasc.yaml configures the plugin and exports back the same. */
@WithJenkinsConfiguredWithCode
class ConfigurationAsCodeTest {

    @Test
    @ConfiguredWithCode("jcasc.yaml")
    void roundTrip(JenkinsConfiguredWithCodeRule j) throws Exception {
        CarvelGitopsGlobalConfiguration c = CarvelGitopsGlobalConfiguration.get();
        assertThat(c.getRepositoryUrl()).isEqualTo("https://git.example.com/acme/gitops.git");
        assertThat(c.getCredentialsId()).isEqualTo("gitops-token");
        assertThat(c.getKubeconfigCredentialsId()).isEqualTo("build-cluster-kubeconfig");
        assertThat(c.stageKubeconfig("prod")).isEqualTo("prod-kubeconfig");

        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        String exported = Util.toYamlString(Util.getUnclassifiedRoot(context).get("carvelGitops"));
        assertThat(exported).contains("repositoryUrl: \"https://git.example.com/acme/gitops.git\"")
                .contains("stage: \"prod\"");
    }
}
