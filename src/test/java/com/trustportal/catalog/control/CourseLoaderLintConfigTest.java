package com.trustportal.catalog.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code lint:} block of course.yaml: optional, read with defaults, and every bad value is a located problem that
 * keeps the course out (a typo must not silently switch a rule off or loosen a limit).
 */
class CourseLoaderLintConfigTest {

    @TempDir
    Path temp;

    @Test
    void courseWithoutLintBlockIsLintedWithTheDefaults() {
        assertEquals(new LintSettings(0.05, 4, 4, 0.6, Set.of(), Set.of()), LintSettings.DEFAULTS);
        assertEquals(List.of(), LintFixture.clean(temp).warnings());
    }

    @Test
    void everyKeyIsReadAndApplied() {
        LintFixture fixture = LintFixture.clean(temp).replace("course.yaml", "modules:\n", """
                lint:
                  alpha: 0.01
                  min-options: 5
                  min-items-per-objective: 5
                  max-stem-similarity: 1
                  allow-names: [Acme]
                  off: [few-options]   # the bank has four options on purpose
                modules:
                """);

        List<LintFinding> findings = fixture.warnings();

        assertEquals(List.of(LintRule.THIN_OBJECTIVE), findings.stream().map(LintFinding::rule).toList(),
                "O3 has 4 items, now below 5; few-options (4 < 5 everywhere) is off: " + findings);
    }

    @Test
    void alphaOutsideZeroToOneIsAProblemAtItsLine() {
        assertOnlyProblem("  alpha: 1.5\n", "alpha: 1.5", "'alpha' must be a number above 0 and below 1, found '1.5'");
    }

    @Test
    void alphaThatIsNotANumberIsAProblem() {
        assertOnlyProblem("  alpha: five percent\n", "alpha:",
                "'alpha' must be a number above 0 and below 1, found 'five percent'");
    }

    @Test
    void minOptionsBeyondWhatAQuestionCanHaveIsAProblem() {
        assertOnlyProblem("  min-options: 7\n", "min-options", "'min-options' must be between 2 and 5, found 7");
    }

    @Test
    void similarityAboveOneIsAProblem() {
        assertOnlyProblem("  max-stem-similarity: 1.2\n", "max-stem-similarity",
                "'max-stem-similarity' must be a number above 0 and at most 1, found '1.2'");
    }

    @Test
    void unknownRuleInOffIsAProblemNamingTheKnownOnes() {
        assertOnlyProblem("  off: [longest-answer]\n", "off:", "unknown lint rule 'longest-answer' (known:"
                + " longest-correct, shortest-correct, few-options, thin-objective, similar-stems, lesson-example,"
                + " labels-predict-trust, longest-is-best)");
    }

    @Test
    void unknownKeyIsAProblem() {
        assertOnlyProblem("  min-option: 3\n", "min-option:", "unknown key 'min-option' (expected one of: alpha,"
                + " min-options, min-items-per-objective, max-stem-similarity, allow-names, off)");
    }

    private void assertOnlyProblem(String lintLines, String lineText, String message) {
        LintFixture fixture = LintFixture.clean(temp)
                .replace("course.yaml", "modules:\n", "lint:\n" + lintLines + "modules:\n");
        CourseLoadResult result = fixture.load();
        List<String> problems = result.problems().stream()
                .map(p -> p.file() + ":" + p.line() + ": " + p.message()).toList();
        assertEquals(List.of(LintFixture.NAME + "/" + fixture.locationOf("course.yaml", lineText) + ": " + message),
                problems);
    }
}
