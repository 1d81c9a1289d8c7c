package io.jenkins.plugins.carvelgitops.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.carvelgitops.engine.testing.Fixtures;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

    static final String VALID = """
            package: app.default.tap
            repository:
              url: https://git.example.com/acme/gitops.git
            flux:
              namespace: build-ns
            stages:
            - name: staging
              namespace: apps
              serviceAccount: app-installer
              values: {workload_name: app, replicas: 1}
            - name: prod
              namespace: apps
              serviceAccount: app-installer
              tap: false
              track: latest
              values: {workload_name: app, replicas: 2}
            """;

    @Test
    void readsEveryKeyWithDefaults() {
        GitopsConfig config = Fixtures.config(VALID);
        assertThat(config.packageName()).isEqualTo("app.default.tap");
        assertThat(config.repository()).isEqualTo(new RepositorySpec("https://git.example.com/acme/gitops.git", "main",
                "."));
        assertThat(config.flux()).isEqualTo(new FluxSpec("v1beta2", null, "build-ns", "30s", "5m"));
        assertThat(config.stages()).extracting(StageSpec::name).containsExactly("staging", "prod");
        assertThat(config.stages().get(0).tap()).isTrue();
        assertThat(config.stages().get(0).track()).isEqualTo(Track.PINNED);
        assertThat(config.stages().get(1).tap()).isFalse();
        assertThat(config.stages().get(1).track()).isEqualTo(Track.LATEST);
        assertThat(config.stages().get(1).values()).containsEntry("replicas", 2);
        assertThat(config.fluxCanClone()).isTrue();
    }

    /** One case per rule: the broken line, and what the one-line error must say. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown top key      | 'package: app.default.tap|packag: x'                       | carvel-gitops.yaml: packag: unknown key; allowed keys here:",
        "unknown nested key   | 'flux:|  namespace: build-ns|  intervall: 5m'              | flux.intervall: unknown key",
        "unknown stage key    | 'stages:|- name: staging|  namespace: apps|  serviceAccount: sa|  value: {}' | stages[staging].value: unknown key",
        "package missing      | 'package: null'                                            | package: is empty",
        "package two labels   | 'package: app.tap'                                         | package: 'app.tap' is not a valid Package refName",
        "package wrong type   | 'package: 12'                                              | package: must be a string, found a number 12",
        "bad install name     | 'install: App_1'                                           | install: 'App_1' is not a DNS-1123 label",
        "url with credentials | 'repository:|  url: https://bob:tok@git.example.com/x.git' | repository.url: embeds credentials in the URL",
        "branch traversal     | 'repository:|  url: /tmp/x|  branch: ../main'              | repository.branch: '../main' is not a valid branch name",
        "root traversal       | 'repository:|  url: /tmp/x|  root: ../../etc'              | repository.root: '../../etc' must be a relative folder",
        "root absolute        | 'repository:|  url: /tmp/x|  root: /etc'                   | repository.root: '/etc' must be a relative folder",
        "flux api version     | 'flux:|  apiVersion: v1beta1'                              | flux.apiVersion: 'v1beta1' is not supported; use v1beta2",
        "flux url scheme      | 'flux:|  url: git@host:x.git'                              | flux.url: 'git@host:x.git' is not a URL Flux can clone",
        "bad duration         | 'flux:|  interval: 5 minutes'                              | flux.interval: '5 minutes' is not a duration; write it like 30s, 5m or 1h",
        "bad flux namespace   | 'flux:|  namespace: Build_NS'                              | flux.namespace: 'Build_NS' is not a DNS-1123 label",
        "stages empty         | 'stages: []'                                               | stages: is empty; list at least one stage",
        "stages not a list    | 'stages: staging'                                          | stages: must be a list, found a string",
        "stage named twice    | 'stages:|- {name: a, namespace: n, serviceAccount: s}|- {name: a, namespace: n, serviceAccount: s}' | stages[a].name: stage 'a' is listed twice",
        "stage bad name       | 'stages:|- {name: Prod, namespace: n, serviceAccount: s}'  | stages[Prod].name: 'Prod' is not a DNS-1123 label",
        "stage traversal      | 'stages:|- {name: ../x, namespace: n, serviceAccount: s}'  | stages[../x].name: '../x' is not a DNS-1123 label",
        "stage too long       | 'stages:|- {name: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, namespace: n, serviceAccount: s}' | is 64 characters, more than 63",
        "stage no namespace   | 'stages:|- {name: a, serviceAccount: s}'                   | stages[a].namespace: is required",
        "stage bad track      | 'stages:|- {name: a, namespace: n, serviceAccount: s, track: newest}' | stages[a].track: 'newest' is not a track; use pinned or latest",
        "stage tap not bool   | 'stages:|- {name: a, namespace: n, serviceAccount: s, tap: maybe}' | stages[a].tap: must be true or false",
        "values not a map     | 'stages:|- {name: a, namespace: n, serviceAccount: s, values: [1]}' | stages[a].values: must be a mapping, found a list",
        "shortenNames type    | 'shortenNames: sometimes'                                  | shortenNames: must be true or false",
        "root is .git         | 'repository:|  url: /tmp/x|  root: .git'                   | repository.root: '.git' names Git's own folder",
        "root under .GIT      | 'repository:|  url: /tmp/x|  root: a/.GIT/b'               | repository.root: 'a/.GIT/b' names Git's own folder '.GIT'",
        "root .git. (NTFS)    | 'repository:|  url: /tmp/x|  root: a/.git.'                | names Git's own folder '.git.'",
        "root git~1 (8.3)     | 'repository:|  url: /tmp/x|  root: GIT~1'                  | names Git's own folder 'GIT~1'",
        "root empty part      | 'repository:|  url: /tmp/x|  root: a//b'                   | repository.root: 'a//b' must be a relative folder",
        "branch .lock part    | 'repository:|  url: /tmp/x|  branch: a/b.lock/c'           | repository.branch: 'a/b.lock/c' is not a valid branch name: has a part ending with '.lock'",
        "branch HEAD          | 'repository:|  url: /tmp/x|  branch: HEAD'                 | 'HEAD' is not a valid branch name: is HEAD",
        "branch dash          | 'repository:|  url: /tmp/x|  branch: -x'                   | '-x' is not a valid branch name: starts with '-'",
        "branch full ref      | 'repository:|  url: /tmp/x|  branch: refs/heads/main'      | main, not refs/heads/main",
        "branch @{            | 'repository:|  url: /tmp/x|  branch: a@{1}'                | holds '@{'",
        "url query token      | 'repository:|  url: https://git.example.com/x.git?access_token=t0k' | repository.url: has a query or fragment",
        "url slash password   | 'repository:|  url: https://bot:tok/en@git.example.com/x.git' | repository.url: embeds credentials in the URL",
        "scp-like credentials | 'repository:|  url: bot:token@git.example.com:repo.git'  | repository.url: embeds credentials in the URL",
        "ssh url password     | 'repository:|  url: ssh://git:pw@git.example.com/x.git'  | repository.url: embeds credentials in the URL",
        "flux url query       | 'flux:|  url: https://git.example.com/x.git?private_token=t' | flux.url: has a query or fragment",
    })
    void eachRuleRejectsWithOneClearLine(String rule, String change, String expected) {
        String yaml = merge(VALID, change.replace('|', '\n'));
        assertThatThrownBy(() -> Fixtures.config(yaml))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(((ValidationException) e).problems())
                        .allSatisfy(p -> assertThat(p.line()).doesNotContain("\n").startsWith("carvel-gitops.yaml: ")));
    }

    @Test
    void reportsEveryProblemOfTheFileAtOnce() {
        String yaml = merge(VALID, "packag: x\nflux:\n  apiVersion: v3\n  interval: soon");
        assertThatThrownBy(() -> Fixtures.config(yaml))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).hasSize(3));
    }

    @Test
    void overridesAreAppliedAndCheckedLikeTheFile() {
        GitopsConfig config = ConfigLoader.fromTree(io.jenkins.plugins.carvelgitops.engine.model.SafeYaml.parseSingle(
                VALID, "c"), "c", ConfigOverrides.parse(List.of("repository.url=/tmp/gitops", "flux.apiVersion=v1",
                "stages.prod.values.replicas=5", "shortenNames=true")));
        assertThat(config.repository().url()).isEqualTo("/tmp/gitops");
        assertThat(config.repository().isLocalPath()).isTrue();
        assertThat(config.flux().apiVersion()).isEqualTo("v1");
        assertThat(config.stage("prod").orElseThrow().values()).containsEntry("replicas", 5);
        assertThat(config.shortenNames()).isTrue();

        assertThatThrownBy(() -> ConfigLoader.fromTree(io.jenkins.plugins.carvelgitops.engine.model.SafeYaml
                .parseSingle(VALID, "c"), "c", ConfigOverrides.parse(List.of("stages.qa.values.x=1"))))
                .hasMessageContaining("there is no stage 'qa'");
        assertThatThrownBy(() -> ConfigOverrides.parse(List.of("novalue"))).hasMessageContaining("is not KEY=VALUE");
        assertThatThrownBy(() -> ConfigLoader.fromTree(io.jenkins.plugins.carvelgitops.engine.model.SafeYaml
                .parseSingle(VALID, "c"), "c", ConfigOverrides.parse(List.of("flux.apiVersion=v9"))))
                .hasMessageContaining("flux.apiVersion: 'v9' is not supported");
    }

    @Test
    void localPathsAndRemotesAreTellApart() {
        assertThat(new RepositorySpec("./gitops", "main", ".").isLocalPath()).isTrue();
        assertThat(new RepositorySpec("/srv/gitops", "main", ".").isLocalPath()).isTrue();
        assertThat(new RepositorySpec("file:///srv/gitops.git", "main", ".").isLocalPath()).isFalse();
        assertThat(new RepositorySpec("git@github.com:acme/gitops.git", "main", ".").isLocalPath()).isFalse();
        assertThat(new RepositorySpec("https://x/y.git", "main", "clusters/").prefix()).isEqualTo("clusters/");
        assertThat(new RepositorySpec("https://x/y.git", "main", "./").prefix()).isEmpty();
    }

    @Test
    void aRootIsUsedExactlyAsWritten() {
        assertThat(new RepositorySpec("/x", "main", ".gitmodules").prefix()).isEqualTo(".gitmodules/");
        assertThat(new RepositorySpec("/x", "main", ".config/").prefix()).isEqualTo(".config/");
        assertThat(new RepositorySpec("/x", "main", "./.hidden").prefix()).isEqualTo(".hidden/");
        assertThat(new RepositorySpec("/x", "main", ".").prefix()).isEmpty();
        assertThat(ConfigLoader.rootProblem(".gitmodules")).isNull();
        assertThat(ConfigLoader.rootProblem("a/.github")).isNull();
    }

    @Test
    void scpLikeUrlsAreRemotesNotFolders() {
        assertThat(new RepositorySpec("bot:token@git.example.com:repo.git", "main", ".").isLocalPath()).isFalse();
        assertThat(new RepositorySpec("git.example.com:org/repo.git", "main", ".").isLocalPath()).isFalse();
        assertThat(new RepositorySpec("./a:b", "main", ".").isLocalPath()).isTrue();
        assertThat(new RepositorySpec("C:\\gitops", "main", ".").isLocalPath()).isTrue();
        GitopsConfig config = Fixtures.config(merge(VALID, "repository:\n  url: git@git.example.com:acme/gitops.git"));
        assertThat(config.repository().isLocalPath()).isFalse();
    }

    @Test
    void aSetKeyNestsNoDeeperThanAFile() {
        String deep = "stages.prod.values." + "a.".repeat(2997) + "z=1";
        assertThatThrownBy(() -> ConfigOverrides.parse(List.of(deep))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("nests 3001 levels, more than the 64").hasMessageStartingWith("{override} stages.prod");
        String hundred = "stages.prod.values." + "a.".repeat(96) + "z=1";
        assertThatThrownBy(() -> ConfigOverrides.parse(List.of(hundred))).hasMessageContaining("nests 100 levels");
        String flow = "stages.prod.values.a=" + "[".repeat(62) + "]".repeat(62);
        assertThatThrownBy(() -> ConfigLoader.fromTree(io.jenkins.plugins.carvelgitops.engine.model.SafeYaml
                .parseSingle(VALID, "c"), "c", ConfigOverrides.parse(List.of(flow))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("more than the 64");
        String fine = "stages.prod.values." + "a.".repeat(40) + "z=1";
        assertThat(ConfigLoader.fromTree(io.jenkins.plugins.carvelgitops.engine.model.SafeYaml.parseSingle(VALID, "c"),
                "c", ConfigOverrides.parse(List.of(fine))).stage("prod").orElseThrow().values()).containsKey("a");
    }

    @Test
    void anEmptySetValueUnsetsTheKey() {
        GitopsConfig config = ConfigLoader.fromTree(io.jenkins.plugins.carvelgitops.engine.model.SafeYaml.parseSingle(
                merge(VALID, "repository:\n  url: /tmp/x\n  branch: develop"), "c"), "c",
                ConfigOverrides.parse(List.of("stages.prod.values.replicas=", "repository.branch=",
                        "stages.staging.values.absent.deeper=")));
        assertThat(config.stage("prod").orElseThrow().values()).doesNotContainKey("replicas")
                .containsEntry("workload_name", "app");
        assertThat(config.stage("staging").orElseThrow().values()).doesNotContainKey("absent");
        assertThat(config.repository().branch()).isEqualTo("main");
    }

    @Test
    void aBadValueFromSetNamesTheOptionNotTheFile() {
        assertThatThrownBy(() -> ConfigLoader.fromTree(io.jenkins.plugins.carvelgitops.engine.model.SafeYaml
                .parseSingle(VALID, "carvel-gitops.yaml"), "carvel-gitops.yaml", ConfigOverrides.parse(List.of(
                        "stages.prod.namespace=Bad_NS", "repository.branch=a..b"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).extracting(
                        io.jenkins.plugins.carvelgitops.engine.validate.Problem::line).containsExactlyInAnyOrder(
                        "{override} repository.branch: 'a..b' is not a valid branch name: holds '..'; use a name git "
                                + "check-ref-format --branch accepts, such as main",
                        "{override} stages.prod.namespace: 'Bad_NS' is not a DNS-1123 label (lower-case letters, digits "
                                + "and '-', starting and ending with a letter or digit); use a DNS-1123 label, the "
                                + "run-cluster namespace, e.g. apps"));
    }

    @Test
    void fluxDurations() {
        assertThat(FluxDuration.parse("90s")).hasSeconds(90);
        assertThat(FluxDuration.parse("1h30m")).hasMinutes(90);
        assertThat(FluxDuration.parse("1.5h")).hasMinutes(90);
        assertThat(FluxDuration.parse("500ms").toMillis()).isEqualTo(500);
        assertThat(FluxDuration.format(FluxDuration.parse("90s"))).isEqualTo("1m30s");
        assertThatThrownBy(() -> FluxDuration.parse("10")).hasMessageContaining("not a duration like 90s");
        assertThatThrownBy(() -> FluxDuration.parse("-5m")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Replaces (or adds) the top-level keys of {@code change} in {@code base}. */
    static String merge(String base, String change) {
        Map<String, Object> tree = new java.util.LinkedHashMap<>(castMap(
                io.jenkins.plugins.carvelgitops.engine.model.SafeYaml.parseSingle(base, "base")));
        Map<String, Object> delta = castMap(io.jenkins.plugins.carvelgitops.engine.model.SafeYaml.parseSingle(change,
                "change"));
        for (Map.Entry<String, Object> e : delta.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> m && tree.get(e.getKey()) instanceof Map<?, ?> old) {
                Map<String, Object> merged = new java.util.LinkedHashMap<>(castMap(old));
                merged.putAll(castMap(m));
                tree.put(e.getKey(), merged);
            } else {
                tree.put(e.getKey(), e.getValue());
            }
        }
        return io.jenkins.plugins.carvelgitops.engine.model.SafeYaml.write(tree);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }
}
