package io.jenkins.plugins.carvelgitops.engine.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's messages name parameters by {@link Parameter#ref()}, never as one adapter spells them: a
 * Jenkins user must not read {@code --to}, a command-line user not {@code to:}. Read from the sources,
 * string literal by string literal, so a new message that spells a flag fails here.
 */
class EngineMessagesTest {

    private static final Path SOURCES = Path.of("src/main/java/io/jenkins/plugins/carvelgitops/engine");

    /** The command line's own options and credential variables, as its error messages used to spell them. */
    private static final Pattern CLI_SPELLING = Pattern.compile("--(to|from|stage|stage-kubeconfig|package"
            + "|package-version|revision|keep-version|retain|set|cache-dir|allow-downgrade|pull-request"
            + "|require-live|push-attempts|token-file|username|wait-merge|kubeconfig|kubeconfig-secrets|dry-run"
            + "|output|exit-code|config|timeout|no-reconcile|message|secret-values)\\b|GIT_USERNAME|GIT_TOKEN");
    /** A parameter reference; {@code ^{commit}} is Git's revision syntax, not one. */
    private static final Pattern REF = Pattern.compile("(?<!\\^)\\{([a-z][A-Za-z]*)}");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    /**
     * {@code init} writes a starter config whose comment shows the command line to run next: the one
     * place the engine writes text for the command line only.
     */
    private static final Set<String> CLI_ONLY = Set.of("config/StarterConfig.java");

    @Test
    void noMessageSpellsACommandLineOption() throws IOException {
        List<String> found = new ArrayList<>();
        for (Literal l : literals()) {
            if (!CLI_ONLY.contains(l.file()) && CLI_SPELLING.matcher(l.text()).find()) {
                found.add(l.toString());
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void everyParameterAMessageNamesExists() throws IOException {
        Set<String> keys = Arrays.stream(Parameter.values()).map(Parameter::key).collect(Collectors.toSet());
        List<String> unknown = new ArrayList<>();
        int refs = 0;
        for (Literal l : literals()) {
            Matcher m = REF.matcher(l.text());
            while (m.find()) {
                refs++;
                if (!keys.contains(m.group(1))) {
                    unknown.add(l + " names {" + m.group(1) + "}");
                }
            }
        }
        assertThat(unknown).isEmpty();
        assertThat(refs).as("the scan reads the messages that name parameters").isGreaterThan(10);
    }

    @Test
    void theScanSeesTheEngineSources() throws IOException {
        assertThat(literals()).anyMatch(l -> l.file().equals("promote/PromoteService.java")
                && l.text().equals("is required"));
    }

    private record Literal(String file, int line, String text) {
        @Override
        public String toString() {
            return file + ":" + line + ": \"" + text + "\"";
        }
    }

    private static List<Literal> literals() throws IOException {
        List<Literal> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String name = SOURCES.relativize(file).toString().replace('\\', '/');
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String code = lines.get(i).strip();
                    if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
                        continue;
                    }
                    Matcher m = LITERAL.matcher(lines.get(i));
                    while (m.find()) {
                        out.add(new Literal(name, i + 1, m.group(1)));
                    }
                }
            }
        }
        return out;
    }
}
