package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The check of Gitea exchanges finds what Gitea's description forbids, and lets through what it allows. */
class GiteaOpenApiTest {

    GiteaOpenApi spec;

    @BeforeEach
    void load() throws Exception {
        spec = GiteaOpenApi.load();
        assumeTrue(spec != null, GiteaOpenApi::skipped);
    }

    @Test
    void aListingWithDeclaredParametersAndAPullRequestWithNullsConforms() throws Exception {
        assertThat(spec.check("GET", "/repos/acme/gitops/pulls?state=open&limit=50&page=1", "", 200,
                "[{\"number\":7,\"state\":\"open\",\"head\":{\"ref\":\"b\",\"sha\":\"c0ffee\"},\"merged_at\":null,"
                        + "\"merged_by\":null}]")).isEmpty();
    }

    @Test
    void findsAnUndeclaredParameterABodyOfTheWrongShapeAndAnUndocumentedStatus() throws Exception {
        assertThat(spec.check("GET", "/repos/acme/gitops/pulls?state=open&per_page=50", "", 200, "[]"))
                .singleElement().asString().contains("query parameter per_page is not declared");
        assertThat(spec.check("POST", "/repos/acme/gitops/pulls/7/merge", "{\"Do\":\"merge\"}", 200, ""))
                .singleElement().asString().contains("request").contains("do");
        assertThat(spec.check("PATCH", "/repos/acme/gitops/pulls/7", "{\"title\":\"t\"}", 200, "{}"))
                .containsExactly("PATCH /repos/acme/gitops/pulls/7: status 200 is not documented");
        assertThat(spec.check("GET", "/repos/acme/gitops/pulls/7", "", 200, "{\"number\":\"seven\"}"))
                .singleElement().asString().contains("number");
        assertThat(spec.check("GET", "/repos/acme/gitops/merge_requests", "", 200, "[]"))
                .containsExactly("GET /repos/acme/gitops/merge_requests: no such path in Gitea's API");
    }
}
