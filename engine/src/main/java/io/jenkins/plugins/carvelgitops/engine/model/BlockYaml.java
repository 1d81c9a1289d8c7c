package io.jenkins.plugins.carvelgitops.engine.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The layout half of {@link SafeYaml#write}: maps, lists and plain scalars laid out exactly as SnakeYAML
 * lays them out with the project's options, without building SnakeYAML's node and event graphs, which
 * dominate the cost of rendering thousands of small objects. Every scalar whose style is not trivially
 * plain (spaces, quotes, indicators, several lines, non-ASCII) is written by SnakeYAML itself and the
 * answer remembered. A shape it does not lay out (a list directly in a list, a non-string key, a
 * floating-point number) returns null and the caller dumps the whole document with SnakeYAML. Tests
 * hold the two byte-identical over real Packages and generated trees.
 */
final class BlockYaml {

    private static final Pattern SIMPLE = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./@+=-]*");
    private static final int MAX_REMEMBERED = 10_000;

    private final Resolver resolver = new Resolver();
    private final Function<String, String> snakeScalar;
    private final Map<String, String> remembered = new HashMap<>();

    /** @param snakeScalar SnakeYAML's dump of {@code {k: value}}, from which the value's form is taken */
    BlockYaml(Function<String, String> snakeScalar) {
        this.snakeScalar = snakeScalar;
    }

    /** The document, or null when its shape needs SnakeYAML's full dumper. */
    String write(Object document) {
        StringBuilder out = new StringBuilder(256);
        if (document instanceof Map<?, ?> map && !map.isEmpty()) {
            return writeMap(map, 0, out, false) ? out.toString() : null;
        }
        return null;
    }

    /** Entries at {@code indent}; the first one continues a {@code "- "} already written when {@code inItem}. */
    private boolean writeMap(Map<?, ?> map, int indent, StringBuilder out, boolean inItem) {
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            // SnakeYAML writes keys over 128 characters as complex keys ("? key"): leave those to it
            if (!(e.getKey() instanceof String key) || key.length() > 100) {
                return false;
            }
            String k = scalar(key, indent);
            if (k == null || k.startsWith("?") || k.startsWith("|") || k.startsWith(">") || k.indexOf('\n') >= 0) {
                return false;
            }
            if (!(first && inItem)) {
                out.append(" ".repeat(indent));
            }
            first = false;
            out.append(k).append(':');
            if (!writeValue(e.getValue(), indent, out)) {
                return false;
            }
        }
        return true;
    }

    /** A value after {@code key:} of a map entry at {@code indent}. */
    private boolean writeValue(Object value, int indent, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append(" {}\n");
                return true;
            }
            out.append('\n');
            return writeMap(map, indent + 2, out, false);
        }
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append(" []\n");
                return true;
            }
            out.append('\n');
            return writeList(list, indent, out);
        }
        String s = scalarValue(value, indent);
        if (s == null) {
            return false;
        }
        out.append(' ').append(s).append('\n');
        return true;
    }

    /** Items at {@code indent} (with indicatorIndent 0, a list sits at its key's indent). */
    private boolean writeList(List<?> list, int indent, StringBuilder out) {
        for (Object item : list) {
            out.append(" ".repeat(indent)).append("- ");
            if (item instanceof Map<?, ?> map) {
                if (map.isEmpty()) {
                    out.append("{}\n");
                } else if (!writeMap(map, indent + 2, out, true)) {
                    return false;
                }
            } else if (item instanceof List<?>) {
                return false;
            } else {
                String s = scalarValue(item, indent);
                if (s == null || s.indexOf('\n') >= 0) {
                    return false;
                }
                out.append(s).append('\n');
            }
        }
        return true;
    }

    private String scalarValue(Object value, int indent) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        if (value instanceof String s) {
            return scalar(s, indent);
        }
        return null;
    }

    /**
     * A string scalar as SnakeYAML writes it as the value of a key at {@code indent}: plain when it
     * is simple and resolves as a string, single-quoted when it would read back as another type, and
     * otherwise SnakeYAML's own answer, re-indented for multi-line forms.
     */
    private String scalar(String s, int indent) {
        if (s.isEmpty()) {
            return "''";
        }
        String form = remembered.get(s);
        if (form == null) {
            if (SIMPLE.matcher(s).matches()) {
                form = resolver.resolve(NodeId.scalar, s, true) == Tag.STR ? s : "'" + s + "'";
            } else {
                String dumped = snakeScalar.apply(s);
                if (!dumped.startsWith("k: ")) {
                    return null;
                }
                form = dumped.substring(3, dumped.length() - 1);
            }
            if (remembered.size() < MAX_REMEMBERED) {
                remembered.put(s, form);
            }
        }
        if (form.indexOf('\n') < 0) {
            return form;
        }
        // a block scalar: its lines were indented for a key at column 0
        String pad = " ".repeat(indent);
        StringBuilder re = new StringBuilder();
        String[] lines = form.split("\n", -1);
        re.append(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            re.append('\n');
            if (!lines[i].isEmpty()) {
                re.append(pad).append(lines[i]);
            }
        }
        return re.toString();
    }
}
