package com.trustportal.catalog.control;

import java.util.Arrays;
import java.util.Optional;

/**
 * The authoring linter's rules. Each id is stable: it appears in warnings, in {@code docs/authoring.md} and in a
 * course's {@code lint: off:} list, so renaming one would silently switch a rule back on for some course.
 */
public enum LintRule {
    LONGEST_CORRECT("longest-correct"),
    SHORTEST_CORRECT("shortest-correct"),
    FEW_OPTIONS("few-options"),
    THIN_OBJECTIVE("thin-objective"),
    SIMILAR_STEMS("similar-stems"),
    LESSON_EXAMPLE("lesson-example"),
    LABELS_PREDICT_TRUST("labels-predict-trust"),
    LONGEST_IS_BEST("longest-is-best");

    private final String id;

    LintRule(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<LintRule> fromId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
