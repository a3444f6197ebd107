package com.trustportal.catalog.control;

import java.util.Objects;

/**
 * A warning about a course that loads fine but lets a test-wise learner score without the skill. {@code location} is
 * {@code file:line} inside the course folder where the loader knew it, or empty.
 */
public record LintFinding(LintRule rule, String location, String message) {

    public LintFinding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line: [rule] message}, the form the log and readiness show. */
    @Override
    public String toString() {
        return (location.isEmpty() ? "" : location + ": ") + "[" + rule.id() + "] " + message;
    }
}
