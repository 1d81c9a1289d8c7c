package io.jenkins.plugins.carvelgitops.engine.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RemoteUrlsTest {

    /** url | local folder | printable form | credential problem (empty: none) */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "https://git.example.com/acme/gitops.git | false | https://git.example.com/acme/gitops.git | ",
        "https://bot:ghp_x@git.example.com/a.git | false | https://git.example.com/a.git | embeds credentials",
        "https://bot:tok/en@git.example.com/a.git | false | https://git.example.com/a.git | embeds credentials",
        "https://bot@git.example.com/a.git | false | https://git.example.com/a.git | embeds credentials",
        "https://git.example.com/a.git?access_token=t | false | https://git.example.com/a.git | has a query",
        "https://git.example.com/a.git#t | false | https://git.example.com/a.git | has a query",
        "https://u:p@git.example.com/a.git?private_token=t | false | https://git.example.com/a.git | embeds credentials",
        "ssh://git@git.example.com/a.git | false | ssh://git@git.example.com/a.git | ",
        "ssh://git:pw@git.example.com/a.git | false | ssh://git.example.com/a.git | embeds credentials",
        "git@git.example.com:org/repo.git | false | git@git.example.com:org/repo.git | ",
        "git.example.com:org/repo.git | false | git.example.com:org/repo.git | ",
        "bot:token@git.example.com:repo.git | false | git.example.com:repo.git | embeds credentials",
        "bot:to/ken@git.example.com:repo.git | false | git.example.com:repo.git | embeds credentials",
        "file:///srv/gitops.git | false | file:///srv/gitops.git | ",
        "/srv/gitops | true | /srv/gitops | ",
        "./gitops | true | ./gitops | ",
        "gitops-repo | true | gitops-repo | ",
        "./a:b | true | ./a:b | ",
    })
    void tellsRemotesCredentialsAndThePrintableForm(String url, boolean local, String printable, String problem) {
        assertThat(RemoteUrls.isLocalPath(url)).isEqualTo(local);
        assertThat(RemoteUrls.withoutCredentials(url)).isEqualTo(printable);
        if (problem == null) {
            assertThat(RemoteUrls.credentialProblem(url)).isNull();
        } else {
            assertThat(RemoteUrls.credentialProblem(url)).contains(problem);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://bot:s3cr/et@h.example.com/a.git",
        "https://h.example.com/a.git?access_token=s3cr/et",
    })
    void scrubRemovesTheSecretFromMessages(String url) {
        String scrubbed = RemoteUrls.scrub("cannot open " + url + ": not found", url);
        assertThat(scrubbed).doesNotContain("s3cr").contains("h.example.com/a.git");
    }
}
