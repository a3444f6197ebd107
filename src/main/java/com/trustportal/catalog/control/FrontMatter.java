package com.trustportal.catalog.control;

import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A Markdown page's YAML header between two {@code ---} lines, and the body below it. The header carries the page's
 * id, which progress is keyed by, so a page without a readable header is an error rather than an untitled page.
 */
record FrontMatter(Node yaml, String body, int bodyLine) {

    private static final String FENCE = "---";

    static Optional<FrontMatter> read(String text, SourceFile file, LoadContext context) {
        List<String> lines = YamlDocument.withoutByteOrderMark(text).lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals(FENCE)) {
            context.report(file, 1, "front matter missing: the file must start with a line '---'");
            return Optional.empty();
        }
        int closing = -1;
        for (int i = 1; i < lines.size() && closing < 0; i++) {
            if (lines.get(i).strip().equals(FENCE)) {
                closing = i;
            }
        }
        if (closing < 0) {
            context.report(file, 1, "front matter not closed: no line '---' after the one on line 1");
            return Optional.empty();
        }
        String yaml = String.join("\n", lines.subList(1, closing));
        String body = String.join("\n", lines.subList(closing + 1, lines.size()));
        int bodyLine = closing + 2;
        return YamlDocument.parse(yaml, file.frontMatter(), context, "front matter")
                .map(node -> new FrontMatter(node, body, bodyLine));
    }
}
