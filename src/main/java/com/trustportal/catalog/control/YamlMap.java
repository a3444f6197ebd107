package com.trustportal.catalog.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A YAML mapping read against the keys the format allows, turning every surprise (unknown or repeated key, missing
 * value, wrong type) into a located problem and an empty result, so the caller's code reads like the format spec.
 */
final class YamlMap {

    // Accepts "+15" as authors write trust deltas; YAML 1.2's JSON schema alone would read it as text.
    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]{1,9}");

    private final MappingNode node;
    private final SourceFile file;
    private final LoadContext context;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private YamlMap(MappingNode node, SourceFile file, LoadContext context) {
        this.node = node;
        this.file = file;
        this.context = context;
    }

    /**
     * Reads {@code node} as a mapping with the given keys; unknown and repeated keys are reported but do not stop
     * the caller from reading the rest.
     *
     * @param what what the mapping is, for the problem when it is not a mapping at all ("a question")
     */
    static Optional<YamlMap> of(Node node, String what, List<String> keys, SourceFile file, LoadContext context) {
        if (!(node instanceof MappingNode mapping)) {
            context.report(file, node, "expected " + what + " with keys " + String.join(", ", keys)
                    + ", found " + describe(node));
            return Optional.empty();
        }
        YamlMap map = new YamlMap(mapping, file, context);
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            String key = keyNode instanceof ScalarNode scalar ? scalar.getValue() : describe(keyNode);
            if (!keys.contains(key)) {
                context.report(file, keyNode, "unknown key '" + key + "' (expected one of: " + String.join(", ", keys)
                        + ")");
            } else if (map.entries.containsKey(key)) {
                context.report(file, keyNode, "duplicate key '" + key + "' (first on line "
                        + file.line(map.entries.get(key).getKeyNode()) + ")");
            } else {
                map.entries.put(key, tuple);
            }
        }
        return Optional.of(map);
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The node to point at for a problem about {@code key}: its value if present, else the whole mapping. */
    Node at(String key) {
        return has(key) ? entries.get(key).getValueNode() : node;
    }

    /** The key's own node, for problems about the entry as a whole (e.g. a list that is too short). */
    Node keyNode(String key) {
        return has(key) ? entries.get(key).getKeyNode() : node;
    }

    Node node() {
        return node;
    }

    Optional<String> text(String key) {
        return required(key).flatMap(value -> text(value, key, file, context));
    }

    Optional<String> optionalText(String key) {
        return present(key).flatMap(value -> text(value, key, file, context));
    }

    Optional<Integer> integer(String key) {
        return required(key).flatMap(value -> {
            if (value instanceof ScalarNode scalar && INTEGER.matcher(scalar.getValue()).matches()) {
                return Optional.of(Integer.parseInt(scalar.getValue()));
            }
            context.report(file, value, "'" + key + "' must be a whole number, found " + describe(value));
            return Optional.empty();
        });
    }

    /** An integer that must lie within {@code min..max}; the range goes into the message so the fix is obvious. */
    Optional<Integer> integer(String key, int min, int max) {
        return integer(key).filter(value -> {
            if (value >= min && value <= max) {
                return true;
            }
            context.report(file, at(key), "'" + key + "' must be between " + min + " and " + max + ", found " + value);
            return false;
        });
    }

    /** An optional true/false flag; absent means false. */
    boolean flag(String key) {
        return present(key).map(value -> {
            if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
                return Boolean.parseBoolean(scalar.getValue().toLowerCase(Locale.ROOT));
            }
            context.report(file, value, "'" + key + "' must be true or false, found " + describe(value));
            return false;
        }).orElse(false);
    }

    Optional<List<Node>> list(String key) {
        return required(key).flatMap(value -> list(value, key));
    }

    Optional<List<Node>> optionalList(String key) {
        return present(key).flatMap(value -> list(value, key));
    }

    Optional<YamlMap> map(String key, List<String> keys) {
        return required(key).flatMap(value -> of(value, "'" + key + "' to be a mapping", keys, file, context));
    }

    /** A scalar read as text; numbers and booleans are accepted as their text ("title: 2024" is a fine title). */
    static Optional<String> text(Node value, String name, SourceFile file, LoadContext context) {
        if (!(value instanceof ScalarNode scalar)) {
            context.report(file, value, "'" + name + "' must be text, found " + describe(value));
            return Optional.empty();
        }
        if (isEmpty(scalar)) {
            context.report(file, value, "'" + name + "' is empty");
            return Optional.empty();
        }
        return Optional.of(scalar.getValue().strip());
    }

    private Optional<List<Node>> list(Node value, String key) {
        if (value instanceof SequenceNode sequence) {
            return Optional.of(sequence.getValue());
        }
        context.report(file, value, "'" + key + "' must be a list, found " + describe(value));
        return Optional.empty();
    }

    private Optional<Node> required(String key) {
        if (!has(key)) {
            context.report(file, node, "missing required key '" + key + "'");
            return Optional.empty();
        }
        return present(key);
    }

    private Optional<Node> present(String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
    }

    private static boolean isEmpty(ScalarNode scalar) {
        boolean nullWord = scalar.getScalarStyle() == ScalarStyle.PLAIN && scalar.getTag().equals(Tag.NULL);
        return nullWord || scalar.getValue().isBlank();
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        return isEmpty(scalar) ? "nothing" : "'" + scalar.getValue() + "'";
    }
}
