package com.trustportal.catalog.control;

import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Parses YAML into snakeyaml-engine's node tree rather than into maps, because only nodes keep the line and column
 * that every problem report needs.
 */
final class YamlDocument {

    private YamlDocument() {}

    /**
     * The root node of {@code text}, or empty after reporting why there is none.
     *
     * @param what how a problem names this YAML, e.g. "YAML" or "front matter"
     */
    static Optional<Node> parse(String text, SourceFile file, LoadContext context, String what) {
        // Settings are cheap and not documented as thread-safe, so each parse gets its own.
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file.label())
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(true) // YamlMap reports them with a line, as it does unknown keys
                .build();
        try {
            Optional<Node> root = new Compose(settings).composeString(withoutByteOrderMark(text));
            if (root.isEmpty()) {
                context.report(file, 1 + file.lineOffset(), what + " is empty");
            }
            return root;
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            String problem = e.getProblem() != null ? e.getProblem() : firstLine(e.getMessage());
            String during = e.getContext() != null ? " (" + e.getContext() + ")" : "";
            context.report(
                    file,
                    mark.map(file::line).orElse(1 + file.lineOffset()),
                    mark.map(m -> m.getColumn() + 1).orElse(0),
                    what + " is not valid YAML: " + problem + during);
        } catch (YamlEngineException e) {
            context.report(file, 1 + file.lineOffset(), what + " is not valid YAML: " + firstLine(e.getMessage()));
        }
        return Optional.empty();
    }

    static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.lines().findFirst().orElse(message);
    }
}
