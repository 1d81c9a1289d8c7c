package io.jenkins.plugins.carvelgitops.engine.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BranchNamesTest {

    /** What {@code git check-ref-format --branch} (2.39) answers for each name: true = accepted. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "main | true", "release/1.2 | true", "feature/a-b_c | true", "a.b | true", "v1.0.0 | true",
        "a,b | true", "a@b | true", "a{b | true", "a}b | true", "a!b | true", "caf\u00e9 | true", "a./b | true",
        "@@ | true", "a/b@ | true", "x.lockx | true", "refs/heads/main | true", "HEADS | true", "head | true",
        "a/b.lock/c | false", "x.lock | false", "HEAD | false", "-x | false", "--x | false", "a..b | false",
        ".a | false", "a/.b | false", "a/ | false", "/a | false", "a//b | false", "a. | false", "a/b. | false",
        "@ | false", "a@{b | false", "a b | false", "a~b | false", "a^b | false", "a:b | false", "a?b | false",
        "a*b | false", "a[b | false", "a\\b | false", "a\u007fb | false", "a\u0001b | false", "a\tb | false",
        ". | false", ".. | false", "\"\" | false",
    })
    void judgesLikeGit(String name, boolean accepted) {
        assertThat(BranchNames.gitProblem(name) == null).as(name).isEqualTo(accepted);
    }

    @Test
    void refusesAFullRefThatGitWouldTakeAsABranchNamedRefs() {
        assertThat(BranchNames.gitProblem("refs/heads/main")).isNull();
        assertThat(BranchNames.problem("refs/heads/main")).contains("main, not refs/heads/main");
        assertThat(BranchNames.problem("main")).isNull();
    }

    /** Every generated name against the real binary, when Git is installed (under CI=true it must be). */
    @Test
    void agreesWithTheGitBinaryOnGeneratedNames(@TempDir Path dir) throws Exception {
        boolean haveGit = gitAnswer(dir, "main") != null;
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(haveGit, "git is not installed: compared with the fixed table only");
        }
        assertThat(haveGit).as("git on PATH").isTrue();
        Map<String, String> disagreements = new LinkedHashMap<>();
        List<String> names = generatedNames();
        for (String name : names) {
            Boolean git = gitAnswer(dir, name);
            boolean ours = BranchNames.gitProblem(name) == null;
            if (git == null || git != ours) {
                disagreements.put(name, "git " + git + ", ours " + ours);
            }
        }
        assertThat(names).hasSizeGreaterThan(250);
        assertThat(disagreements).isEmpty();
    }

    /** Pieces that exercise each rule, alone, doubled and around a '/'. */
    static List<String> generatedNames() {
        String[] pieces = {"a", ".", "..", "/", "@", "{", "@{", ".lock", "-", " ", "~", "^", ":", "?", "*", "[", "\\",
            "\u00e9", ",", "HEAD", "\u0001"};
        boolean utf8Arguments = "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"));
        List<String> names = new ArrayList<>();
        for (String p : pieces) {
            for (String q : pieces) {
                names.add(p + q);
                names.add("a" + p + "/" + q + "b");
            }
        }
        return names.stream().filter(n -> utf8Arguments || n.chars().allMatch(c -> c < 0x80)).toList();
    }

    /** True when git accepts the name, false when it refuses, null when git cannot be run. */
    private static Boolean gitAnswer(Path dir, String name) throws InterruptedException {
        try {
            ProcessBuilder pb = new ProcessBuilder("git", "check-ref-format", "--branch", name)
                    .directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().put("GIT_CEILING_DIRECTORIES", dir.getParent().toString());
            pb.environment().put("LC_ALL", "C.UTF-8");
            Process p = pb.start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return null;
        }
    }
}
