import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Generates the {@code Messages} classes from {@code Messages.properties} for the offline check, in the
 * shape the localizer generator of the real plugin build gives them ({@code Key_Name(args…)} returning
 * the formatted text, {@code _Key_Name(args…)} returning a {@code Localizable}).
 *
 * <p>Run as a single-file program: {@code java MessagesGenerator.java <resources dir> <output dir>}.
 */
public final class MessagesGenerator {

    public static void main(String[] args) throws IOException {
        Path resources = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<Path> files;
        try (Stream<Path> s = Files.walk(resources)) {
            files = s.filter(p -> p.getFileName().toString().equals("Messages.properties")).sorted().toList();
        }
        for (Path file : files) {
            Path rel = resources.relativize(file.getParent());
            String pkg = rel.toString().replace(file.getFileSystem().getSeparator(), ".");
            Properties props = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                props.load(in);
            }
            StringBuilder sb = new StringBuilder();
            sb.append("// Generated from Messages.properties by plugin-offline/src/build/MessagesGenerator.java\n");
            sb.append("package ").append(pkg).append(";\n\n");
            sb.append("import org.jvnet.localizer.Localizable;\nimport org.jvnet.localizer.ResourceBundleHolder;\n\n");
            sb.append("@SuppressWarnings(\"all\")\npublic class Messages {\n");
            sb.append("    private static final ResourceBundleHolder holder = ResourceBundleHolder.get(Messages.class);\n");
            for (String key : new TreeSet<>(props.stringPropertyNames())) {
                int n = arity(props.getProperty(key));
                String method = key.replaceAll("[^A-Za-z0-9_]", "_");
                StringBuilder params = new StringBuilder();
                StringBuilder names = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    params.append(i == 0 ? "" : ", ").append("Object arg").append(i);
                    names.append(", arg").append(i);
                }
                sb.append("\n    public static String ").append(method).append('(').append(params).append(") {\n");
                sb.append("        return holder.format(\"").append(key).append('"').append(names).append(");\n    }\n");
                sb.append("\n    public static Localizable _").append(method).append('(').append(params).append(") {\n");
                sb.append("        return new Localizable(holder, \"").append(key).append('"').append(names)
                        .append(");\n    }\n");
            }
            sb.append("}\n");
            Path target = out.resolve(rel).resolve("Messages.java");
            Files.createDirectories(target.getParent());
            Files.writeString(target, sb.toString(), StandardCharsets.UTF_8);
        }
    }

    private static int arity(String text) {
        int max = -1;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\d+)").matcher(text);
        while (m.find()) {
            max = Math.max(max, Integer.parseInt(m.group(1)));
        }
        return max + 1;
    }
}
