package com.trustportal.catalog.control;

import java.util.Objects;
import java.util.Set;

/**
 * The limits the linter applies to one course, from the optional {@code lint:} block of its course.yaml. Names in
 * {@code allowNames} may appear in both lessons and final-bank items; rules in {@code off} are not run.
 */
public record LintSettings(
        double alpha, int minOptions, int minItemsPerObjective, double maxStemSimilarity, Set<String> allowNames,
        Set<LintRule> off) {

    public static final LintSettings DEFAULTS = new LintSettings(0.05, 4, 4, 0.6, Set.of(), Set.of());

    public LintSettings {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must lie strictly between 0 and 1, is " + alpha);
        }
        if (!(maxStemSimilarity > 0 && maxStemSimilarity <= 1)) {
            throw new IllegalArgumentException("maxStemSimilarity must lie in (0, 1], is " + maxStemSimilarity);
        }
        allowNames = Set.copyOf(Objects.requireNonNull(allowNames, "allowNames"));
        off = Set.copyOf(Objects.requireNonNull(off, "off"));
    }

    public boolean runs(LintRule rule) {
        return !off.contains(rule);
    }
}
