package com.trustportal.catalog.control;

import java.nio.file.Path;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A file of the course being loaded, with the two names problems use: {@code label} for the report (starts with the
 * course folder) and {@code inCourse} for cross references inside the course ("first defined at ..."). YAML inside
 * Markdown front matter starts below the opening {@code ---}, hence {@code lineOffset}.
 */
record SourceFile(Path path, String label, String inCourse, int lineOffset) {

    SourceFile frontMatter() {
        return new SourceFile(path, label, inCourse, 1);
    }

    int line(Node node) {
        return node.getStartMark().map(this::line).orElse(1 + lineOffset);
    }

    int line(Mark mark) {
        return mark.getLine() + 1 + lineOffset;
    }

    int column(Node node) {
        return node.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
    }

    String location(Node node) {
        return inCourse + ":" + line(node);
    }
}
