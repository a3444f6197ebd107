package com.trustportal.catalog.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.catalog.entity.Course;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each rule of the authoring linter against its bad fixture (exactly one finding, located, with the figures an author
 * needs) and against the clean course (no finding). The bad fixtures change the clean course in one place only, so a
 * finding here can only come from the rule under test.
 */
class CourseLinterTest {

    private static final String CHECK = "modules/01-only/check.yaml";
    private static final String ROLEPLAY = "modules/01-only/roleplay.yaml";

    @TempDir
    Path temp;

    @Test
    void cleanCourseHasNoFinding() {
        assertEquals(List.of(), LintFixture.clean(temp).warnings());
    }

    @Test
    void correctOptionLongestInEveryCheckItemIsFlaggedWithObservedAndExpectedCounts() {
        LintFixture fixture = LintFixture.bad(temp, "longest-correct");

        LintFinding finding = only(fixture.warnings());

        assertEquals(LintRule.LONGEST_CORRECT, finding.rule());
        assertEquals(fixture.locationOf(CHECK, "id: c-check"), finding.location());
        assertEquals("in knowledge check 'c-check' the correct option is the strictly longest in 4 of 4 items;"
                + " chance expects 1.3 (P(X >= 4) = 0.012 < alpha 0.05): always picking the longest option beats"
                + " chance", finding.message());
    }

    @Test
    void correctOptionShortestInEveryCheckItemIsFlagged() {
        LintFinding finding = only(LintFixture.bad(temp, "shortest-correct").warnings());

        assertEquals(LintRule.SHORTEST_CORRECT, finding.rule());
        assertTrue(finding.message().contains("strictly shortest in 4 of 4 items; chance expects 1.3"),
                finding.message());
    }

    @Test
    void aStricterAlphaLetsTheSameCountPass() {
        LintFixture fixture = LintFixture.bad(temp, "longest-correct");
        fixture.replace("course.yaml", "modules:\n", "lint:\n  alpha: 0.01\nmodules:\n");

        assertEquals(List.of(), fixture.warnings(), "P = 1/81 = 0.0123 is not below alpha 0.01");
    }

    @Test
    void assessmentItemWithThreeOptionsIsFlagged() {
        LintFixture fixture = LintFixture.bad(temp, "few-options");

        LintFinding finding = only(fixture.warnings());

        assertEquals(LintRule.FEW_OPTIONS, finding.rule());
        assertEquals(fixture.locationOf("assessment.yaml", "id: b07"), finding.location());
        assertTrue(finding.message().startsWith("final-bank item b07 has 3 options (at least 4)"), finding.message());
    }

    @Test
    void minOptionsIsConfigurablePerCourse() {
        LintFixture fixture = LintFixture.bad(temp, "few-options");
        fixture.replace("course.yaml", "modules:\n", "lint:\n  min-options: 3\nmodules:\n");

        assertEquals(List.of(), fixture.warnings());
    }

    @Test
    void objectiveWithThreeBankItemsIsFlaggedWhileFourPass() {
        LintFixture fixture = LintFixture.bad(temp, "thin-objective");

        LintFinding finding = only(fixture.warnings());

        assertEquals(LintRule.THIN_OBJECTIVE, finding.rule());
        assertEquals(fixture.locationOf("course.yaml", "id: O3"), finding.location());
        assertTrue(finding.message().startsWith("objective O3 has 3 final-bank items (at least 4)"), finding.message());
        // the clean course has exactly four O3 items: the limit itself passes
        assertEquals(4, LintFixture.clean(temp.resolve("clean")).course().assessment().questionsFor("O3").size());
    }

    @Test
    void checkItemThatRewordsABankItemIsFlaggedAcrossSets() {
        LintFixture fixture = LintFixture.bad(temp, "similar-stems");

        LintFinding finding = only(fixture.warnings());

        assertEquals(LintRule.SIMILAR_STEMS, finding.rule());
        assertEquals(fixture.locationOf(CHECK, "id: c2"), finding.location());
        assertTrue(finding.message().startsWith("item b01 (the final bank 'final') and item c2 (knowledge check"
                + " 'c-check') have near-duplicate prompts (similarity 0.86 >= 0.6)"), finding.message());
    }

    @Test
    void similarityThresholdIsInclusiveAndOnlyJustSo() {
        Course course = LintFixture.bad(temp, "similar-stems").course();
        double similarity = CourseLinter.stemSimilarity(
                "Why should a first meeting begin with the buyer's own account of the problem?",
                "Why should a first meeting begin with the buyer's own account of the issue?");
        assertEquals(12.0 / 14, similarity, 1e-9, "13 shingles each, the last one differs: 12 shared of 14");

        assertEquals(1, lintWithSimilarity(course, similarity).size(), "at the limit: flagged");
        assertEquals(0, lintWithSimilarity(course, Math.nextUp(similarity)).size(), "just below the limit: passes");
    }

    @Test
    void shinglesMeasureSharedRunsOfWordsNotSharedWords() {
        assertEquals(1.0 / 3, CourseLinter.stemSimilarity("a b c d", "a b c e"), 1e-9);
        assertEquals(1.0, CourseLinter.stemSimilarity("What next?", "what NEXT"), 1e-9, "case and punctuation");
        assertEquals(0.0, CourseLinter.stemSimilarity("the buyer asks what next", "what next asks the buyer"), 1e-9,
                "same words in another order share no run of three");
    }

    @Test
    void bankItemsNamingTheLessonsPeopleOrCompaniesAreFlagged() {
        LintFixture fixture = LintFixture.bad(temp, "lesson-example");

        List<LintFinding> findings = fixture.warnings();

        assertEquals(2, findings.size(), findings::toString);
        assertEquals(LintRule.LESSON_EXAMPLE, findings.get(0).rule());
        assertEquals(fixture.locationOf("assessment.yaml", "id: b03"), findings.get(0).location());
        assertTrue(findings.get(0).message().startsWith(
                "final-bank item b03 reuses the lesson example name 'Priya' (from l-story)"), findings.toString());
        assertEquals(fixture.locationOf("assessment.yaml", "id: b04"), findings.get(1).location());
        assertTrue(findings.get(1).message().startsWith(
                "final-bank item b04 reuses the lesson example name 'Quillon' (from rp)"), findings.toString());
    }

    @Test
    void exampleNamesAreMidSentenceCapitalsAndTheBuyersNamesButNotHeadingsDaysOrTitleWords() {
        Course course = LintFixture.clean(temp).course();

        assertEquals(Set.of("Priya", "Raman", "Orbitex", "Tomas", "Berg", "Quillon", "Foods"),
                ExampleNames.of(course, Set.of()).all(),
                "not 'What Happened Next' (heading), 'Monday' (common), 'She'/'That' (sentence starts)");
    }

    @Test
    void allowNamesLetsACourseReuseANameOnPurpose() {
        LintFixture fixture = LintFixture.bad(temp, "lesson-example");
        fixture.replace("course.yaml", "modules:\n", "lint:\n  allow-names: [Priya, Quillon]\nmodules:\n");

        assertEquals(List.of(), fixture.warnings());
    }

    @Test
    void ruleSwitchedOffInCourseYamlIsNotRun() {
        LintFixture fixture = LintFixture.bad(temp, "lesson-example");
        fixture.replace("course.yaml", "modules:\n",
                "lint:\n  off: [lesson-example]  # the bank quotes the case study on purpose\nmodules:\n");

        assertEquals(List.of(), fixture.warnings());
    }

    @Test
    void rolePlayWhoseLabelsPredictTrustIsFlagged() {
        LintFixture fixture = LintFixture.bad(temp, "labels-predict-trust");

        LintFinding finding = only(fixture.warnings());

        assertEquals(LintRule.LABELS_PREDICT_TRUST, finding.rule());
        assertEquals(fixture.locationOf(ROLEPLAY, "id: rp"), finding.location());
        assertTrue(finding.message().startsWith("role-play rp: all 2 control replies lose trust and all 3 other"
                + " replies gain it"), finding.message());
    }

    @Test
    void rolePlayWhoseLongestReplyIsBestAtEveryNodeIsFlagged() {
        LintFixture fixture = LintFixture.bad(temp, "longest-is-best");

        LintFinding finding = only(fixture.warnings());

        assertEquals(LintRule.LONGEST_IS_BEST, finding.rule());
        assertEquals(fixture.locationOf(ROLEPLAY, "id: rp"), finding.location());
        assertTrue(finding.message().startsWith("role-play rp: at every one of its 2 nodes the longest reply has the"
                + " highest trust change"), finding.message());
    }

    @Test
    void findingReadsAsFileLineRuleMessage() {
        LintFinding finding = only(LintFixture.bad(temp, "few-options").warnings());

        assertTrue(finding.toString().matches("assessment\\.yaml:\\d+: \\[few-options\\] final-bank item b07 .*"),
                finding.toString());
    }

    private static List<LintFinding> lintWithSimilarity(Course course, double max) {
        LintSettings d = LintSettings.DEFAULTS;
        return new CourseLinter(new LintSettings(d.alpha(), d.minOptions(), d.minItemsPerObjective(), max,
                Set.of(), Set.of())).lint(course);
    }

    private static LintFinding only(List<LintFinding> findings) {
        assertEquals(1, findings.size(), () -> "expected one finding, got " + findings);
        return findings.get(0);
    }
}
