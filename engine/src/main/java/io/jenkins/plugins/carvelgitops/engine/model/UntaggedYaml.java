package io.jenkins.plugins.carvelgitops.engine.model;

import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Loads YAML documents and refuses any explicit tag ({@code !!binary}, {@code !!str}, {@code !custom}):
 * the values we read are plain YAML, and a tag would be written back as it came. The composer notes
 * which nodes carried a tag in the text; only then is the tree walked, to name the key.
 */
final class UntaggedYaml {

    private static final String STANDARD_PREFIX = "tag:yaml.org,2002:";

    private UntaggedYaml() {
    }

    static List<Object> loadAll(String text, String label, LoaderOptions options, Resolver resolver) {
        TagNotingComposer composer = new TagNotingComposer(new ParserImpl(new StreamReader(text), options), resolver,
                options);
        DocumentConstructor constructor = new DocumentConstructor(options);
        List<Object> docs = new ArrayList<>();
        while (composer.checkNode()) {
            Node node = composer.getNode();
            if (node == null) {
                continue;
            }
            if (!composer.tagged.isEmpty()) {
                rejectTagged(node, "", composer.tagged, label);
            }
            Object doc = constructor.construct(node);
            if (doc != null) {
                docs.add(doc);
            }
        }
        return docs;
    }

    private static void rejectTagged(Node node, String path, Map<Node, String> tagged, String label) {
        String tag = tagged.get(node);
        if (tag != null) {
            throw ValidationException.of(label, path, "has the explicit YAML tag " + shortTag(tag) + " (line "
                    + (node.getStartMark().getLine() + 1) + ")", "remove the tag and write the plain value");
        }
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
                rejectTagged(t.getKeyNode(), path, tagged, label);
                rejectTagged(t.getValueNode(), path.isEmpty() ? key : path + "." + key, tagged, label);
            }
        } else if (node instanceof SequenceNode s) {
            List<Node> items = s.getValue();
            for (int i = 0; i < items.size(); i++) {
                rejectTagged(items.get(i), path + "[" + itemName(items.get(i), i) + "]", tagged, label);
            }
        }
    }

    /** A list item is named by its {@code name} key when it has one, as errors name stages. */
    private static String itemName(Node item, int index) {
        if (item instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("name")
                        && t.getValueNode() instanceof ScalarNode v && !v.getValue().isBlank()) {
                    return v.getValue();
                }
            }
        }
        return String.valueOf(index);
    }

    private static String shortTag(String tag) {
        return tag.startsWith(STANDARD_PREFIX) ? "!!" + tag.substring(STANDARD_PREFIX.length()) : tag;
    }

    /** Records the nodes whose event carried a tag written in the text ("!" alone asks for none). */
    private static final class TagNotingComposer extends Composer {
        final Map<Node, String> tagged = new IdentityHashMap<>();

        TagNotingComposer(ParserImpl parser, Resolver resolver, LoaderOptions options) {
            super(parser, resolver, options);
        }

        @Override
        protected Node composeScalarNode(String anchor, List<org.yaml.snakeyaml.comments.CommentLine> comments) {
            String tag = parser.peekEvent() instanceof ScalarEvent e ? e.getTag() : null;
            return note(super.composeScalarNode(anchor, comments), tag);
        }

        @Override
        protected Node composeSequenceNode(String anchor) {
            String tag = tagOf(parser.peekEvent());
            return note(super.composeSequenceNode(anchor), tag);
        }

        @Override
        protected Node composeMappingNode(String anchor) {
            String tag = tagOf(parser.peekEvent());
            return note(super.composeMappingNode(anchor), tag);
        }

        private static String tagOf(Event event) {
            return event instanceof CollectionStartEvent e ? e.getTag() : null;
        }

        private Node note(Node node, String tag) {
            if (tag != null && !tag.equals("!")) {
                tagged.put(node, tag);
            }
            return node;
        }
    }

    /** SafeConstructor, fed one composed document at a time. */
    private static final class DocumentConstructor extends SafeConstructor {
        DocumentConstructor(LoaderOptions options) {
            super(options);
            // what new Yaml(...) would copy from the options
            setAllowDuplicateKeys(options.isAllowDuplicateKeys());
            setWarnOnDuplicateKeys(options.isWarnOnDuplicateKeys());
            setWrappedToRootException(options.isWrappedToRootException());
        }

        Object construct(Node node) {
            return constructDocument(node);
        }
    }
}
