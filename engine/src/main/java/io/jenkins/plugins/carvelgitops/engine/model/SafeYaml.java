package io.jenkins.plugins.carvelgitops.engine.model;

import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML in and out, the one way the project reads and writes it.
 *
 * <p>Reading: SnakeYAML's {@link SafeConstructor} (no custom tags, no Java objects), duplicate keys
 * refused, explicit limits on aliases, nesting, size and code points, strict UTF-8, and timestamps
 * kept as the strings they were written as (so a Package re-serialises as published). Writing: block
 * style, two-space indent, no line folding, multi-line strings as literal blocks, Unix newlines:
 * the same tree always gives the same bytes.
 */
public final class SafeYaml {

    /** Largest input file read, in bytes. Real Packages are under 100 KB; 5 MiB leaves ample room. */
    public static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    static final int MAX_ALIASES = 50;
    public static final int MAX_NESTING = 64;

    private SafeYaml() {
    }

    /** Reads a file that must hold exactly one YAML document; errors name the file as {@code label}. */
    public static Object readSingle(Path file, String label) {
        return parseSingle(readUtf8(file, label), label);
    }

    /** Reads a file's bytes as strict UTF-8, refusing missing, special, oversized or undecodable files. */
    public static String readUtf8(Path file, String label) {
        return decodeUtf8(InputFiles.read(file, label, "", MAX_FILE_BYTES), label);
    }

    static String decodeUtf8(byte[] bytes, String label) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw ValidationException.of(label, "", "is not valid UTF-8", "save the file as UTF-8");
        }
    }

    /** Parses text that must hold exactly one non-empty YAML document. */
    public static Object parseSingle(String text, String label) {
        List<Object> docs = parseAll(text, label);
        if (docs.isEmpty()) {
            throw ValidationException.of(label, "", "holds no YAML document", "the file must not be empty");
        }
        if (docs.size() > 1) {
            throw ValidationException.of(label, "", "holds " + docs.size() + " YAML documents, expected one",
                    "keep one object per file");
        }
        return docs.get(0);
    }

    /** Parses every non-empty document of a YAML stream. */
    public static List<Object> parseAll(String text, String label) {
        if (text.length() > MAX_FILE_BYTES) {
            throw ValidationException.of(label, "", "is larger than the " + MAX_FILE_BYTES + "-byte limit", "");
        }
        List<Object> docs = new ArrayList<>();
        try {
            docs.addAll(UntaggedYaml.loadAll(text, label, loaderOptions(), new NoTimestampResolver()));
        } catch (MarkedYAMLException e) {
            throw ValidationException.of(label, where(e.getProblemMark()), "invalid YAML: " + e.getProblem(),
                    "fix the YAML syntax (spaces, not tabs, for indentation; each key once)");
        } catch (YAMLException e) {
            throw ValidationException.of(label, "", "invalid YAML: " + e.getMessage(),
                    "fix the YAML (no custom tags, at most " + MAX_ALIASES + " aliases, nesting below "
                            + MAX_NESTING + ")");
        } catch (StackOverflowError e) {
            throw ValidationException.of(label, "", "YAML nested too deeply", "flatten the document");
        }
        return docs;
    }

    private static String where(Mark mark) {
        return mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_FILE_BYTES);
        options.setProcessComments(false);
        return options;
    }

    /** A dumper is costly to build and not thread-safe: one per thread, reused for every document. */
    private static final ThreadLocal<Yaml> DUMPER = ThreadLocal.withInitial(() -> {
        DumperOptions options = dumperOptions();
        LoaderOptions unused = new LoaderOptions();
        return new Yaml(new SafeConstructor(unused), new CanonicalRepresenter(options), options, unused,
                new MemoizingResolver());
    });

    private static final ThreadLocal<BlockYaml> LAYOUT = ThreadLocal.withInitial(() ->
            new BlockYaml(scalar -> DUMPER.get().dump(java.util.Collections.singletonMap("k", scalar))));

    /** Writes one document with the project's fixed style, ending with a newline. */
    public static String write(Object document) {
        String fast = LAYOUT.get().write(document);
        return fast != null ? fast : DUMPER.get().dump(document);
    }

    /** The same through SnakeYAML's dumper alone: the reference the fast layout is held to. */
    static String writeWithSnakeYaml(Object document) {
        return DUMPER.get().dump(document);
    }

    /** Writes several documents separated by {@code ---}. */
    public static String writeAll(List<?> documents) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < documents.size(); i++) {
            if (i > 0) {
                sb.append("---\n");
            }
            sb.append(write(documents.get(i)));
        }
        return sb.toString();
    }

    private static DumperOptions dumperOptions() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(Integer.MAX_VALUE);
        options.setSplitLines(false);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        options.setPrettyFlow(false);
        options.setAllowUnicode(true);
        return options;
    }

    /** Multi-line strings become literal blocks ({@code |}), everything else keeps the default style. */
    private static final class CanonicalRepresenter extends Representer {
        CanonicalRepresenter(DumperOptions options) {
            super(options);
            Represent plain = representers.get(String.class);
            representers.put(String.class, data -> {
                String s = data.toString();
                if (s.indexOf('\n') >= 0) {
                    return representScalar(Tag.STR, s, DumperOptions.ScalarStyle.LITERAL);
                }
                Node node = plain.representData(data);
                return node;
            });
        }
    }

    /**
     * The standard resolver, remembering its answers: writing a plan asks it about the same keys and
     * values thousands of times, and each answer costs several regular-expression matches. One per
     * dumper, so per thread; bounded so that arbitrary values cannot grow it without limit.
     */
    private static final class MemoizingResolver extends Resolver {
        private static final int MAX_ENTRIES = 10_000;
        private final java.util.Map<String, Tag> scalars = new java.util.HashMap<>();

        @Override
        public Tag resolve(org.yaml.snakeyaml.nodes.NodeId kind, String value, boolean implicit) {
            if (kind != org.yaml.snakeyaml.nodes.NodeId.scalar || !implicit) {
                return super.resolve(kind, value, implicit);
            }
            Tag known = scalars.get(value);
            if (known == null) {
                known = super.resolve(kind, value, implicit);
                if (scalars.size() < MAX_ENTRIES) {
                    scalars.put(value, known);
                }
            }
            return known;
        }
    }

    /** YAML 1.1 resolution without timestamps: a date stays the string the author wrote. */
    private static final class NoTimestampResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
