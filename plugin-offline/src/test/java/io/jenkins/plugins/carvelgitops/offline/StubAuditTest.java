package io.jenkins.plugins.carvelgitops.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The audit of the compile-only Jenkins API stubs ({@code jenkins-stubs/}): lists every stubbed type
 * and every public or protected member by reflection, writes the list to
 * {@code plugin-offline/target/stub-audit.txt}, and fails when it differs from the reviewed list in
 * {@code jenkins-stubs/STUBS.md} (rewrite that with {@code -Dstubs.update=true} after checking each new
 * member against the real API). Also checks that each stub file names the artifact, version and class
 * it mirrors, and that no stub carries behaviour.
 */
class StubAuditTest {

    private static final Pattern HEADER = Pattern.compile(
            "^/\\*\\n \\* Compile-only stub: mirrors ([\\w.$]+) of ([\\w.-]+:[\\w.-]+:[\\w.-]+)\\.\\n");
    private static final String BEGIN = "<!-- stub-audit:begin -->";
    private static final String END = "<!-- stub-audit:end -->";

    private final Path sources = Path.of(System.getProperty("stubs.sources"));
    private final Path listing = Path.of(System.getProperty("stubs.listing"));
    private final Path audit = Path.of(System.getProperty("stubs.audit"));

    @Test
    void everyStubbedMemberIsListedAndReviewed() throws Exception {
        Map<String, List<String>> byArtifact = new TreeMap<>();
        for (Map.Entry<String, String> e : headers().entrySet()) {
            Class<?> type = Class.forName(e.getKey(), false, getClass().getClassLoader());
            assertThat(type.getProtectionDomain().getCodeSource().getLocation().toURI().toString())
                    .as("%s must come from the stub module", type).contains("jenkins-stubs");
            byArtifact.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).addAll(describe(type));
        }
        StringBuilder sb = new StringBuilder();
        int types = 0;
        int members = 0;
        for (Map.Entry<String, List<String>> e : byArtifact.entrySet()) {
            sb.append("## ").append(e.getKey()).append("\n\n```\n");
            for (String line : e.getValue()) {
                sb.append(line).append('\n');
                if (line.startsWith("  ")) {
                    members++;
                } else {
                    types++;
                }
            }
            sb.append("```\n\n");
        }
        String body = "Stubbed: " + types + " types, " + members + " members.\n\n" + sb;
        Files.createDirectories(audit.getParent());
        Files.writeString(audit, body, StandardCharsets.UTF_8);

        String md = Files.readString(listing, StandardCharsets.UTF_8);
        int b = md.indexOf(BEGIN);
        int en = md.indexOf(END);
        assertThat(b).as("STUBS.md has the audit markers").isNotNegative();
        assertThat(en).isGreaterThan(b);
        if (Boolean.getBoolean("stubs.update")) {
            Files.writeString(listing, md.substring(0, b + BEGIN.length()) + "\n" + body + md.substring(en),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(md.substring(b + BEGIN.length(), en).strip())
                .as("jenkins-stubs/STUBS.md is the reviewed list of stubbed members; compare with " + audit
                        + " and rerun with -Dstubs.update=true once every change is checked against the real API")
                .isEqualTo(body.strip());
    }

    @Test
    void stubsCarryNoBehaviour() throws IOException {
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                assertThat(text).as(file + ": stubs return nothing; bodies throw").doesNotContain("return ");
                for (String line : text.split("\n")) {
                    if (line.contains(" = ") && !line.contains("serialVersionUID")) {
                        assertThat(line.strip()).as(file + ": constants hold no values").endsWith("= null;");
                    }
                }
            }
        }
    }

    /** Type name → artifact, from each stub file's header, which must name the file's own class. */
    private Map<String, String> headers() throws IOException {
        Map<String, String> map = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Matcher m = HEADER.matcher(text);
                assertThat(m.find()).as(file + " names the artifact, version and class it mirrors").isTrue();
                String expected = sources.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.java$", "");
                assertThat(m.group(1)).as(file + " header").isEqualTo(expected);
                map.put(expected, m.group(2));
            }
        }
        assertThat(map).isNotEmpty();
        return map;
    }

    private static List<String> describe(Class<?> type) throws URISyntaxException {
        List<String> lines = new ArrayList<>();
        lines.add(declaration(type));
        List<String> members = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            if (visible(f) && !f.isSynthetic() && !f.getName().equals("serialVersionUID")) {
                members.add("  " + f.toGenericString());
            }
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (visible(c) && !c.isSynthetic()) {
                members.add("  " + c.toGenericString());
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (visible(m) && !m.isSynthetic() && !m.isBridge() && !isEnumHelper(type, m)) {
                members.add("  " + m.toGenericString() + (m.getDefaultValue() != null ? " default "
                        + defaultValue(m.getDefaultValue()) : ""));
            }
        }
        members.sort(null);
        lines.addAll(members);
        for (Class<?> nested : type.getDeclaredClasses()) {
            if (Modifier.isPublic(nested.getModifiers()) || Modifier.isProtected(nested.getModifiers())) {
                lines.addAll(describe(nested));
            }
        }
        return lines;
    }

    private static boolean isEnumHelper(Class<?> type, Method m) {
        return type.isEnum() && (m.getName().equals("values") || m.getName().equals("valueOf"));
    }

    private static String defaultValue(Object v) {
        if (v instanceof Object[] a) {
            return Arrays.toString(a);
        }
        return v instanceof String s ? '"' + s + '"' : String.valueOf(v);
    }

    private static boolean visible(Member m) {
        return Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers())
                || m.getDeclaringClass().isInterface();
    }

    private static String declaration(Class<?> type) {
        StringBuilder sb = new StringBuilder(type.toGenericString());
        if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class && !type.isEnum()) {
            sb.append(" extends ").append(type.getGenericSuperclass().getTypeName());
        }
        if (type.getGenericInterfaces().length > 0 && !type.isAnnotation()) {
            sb.append(type.isInterface() ? " extends " : " implements ").append(Arrays.stream(type.getGenericInterfaces())
                    .map(java.lang.reflect.Type::getTypeName).collect(Collectors.joining(", ")));
        }
        return sb.toString();
    }
}
