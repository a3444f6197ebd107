package com.trustportal.catalog.control;

import static com.trustportal.catalog.control.CourseFixture.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per rule of the format's "Validation rules": each breaks the valid fixture in one place and asserts the
 * file, line and message the author will see.
 */
class CourseValidationTest {

    private static final String COURSE = "course.yaml";
    private static final String MODULE = "modules/01-first/module.yaml";
    private static final String LESSON = "modules/01-first/01-opening.md";
    private static final String LESSON_2 = "modules/01-first/02-listening.md";
    private static final String CHECK = "modules/01-first/check.yaml";
    private static final String ROLEPLAY = "modules/01-first/roleplay.yaml";
    private static final String ASSESSMENT = "assessment.yaml";

    @TempDir
    Path temp;

    CourseFixture course;

    @BeforeEach
    void copyValidCourse() {
        course = CourseFixture.copyInto(temp);
    }

    @Nested
    class Syntax {

        @Test
        void yamlSyntaxErrorIsReportedAtTheOffendingLine() {
            course.replace(CHECK, "title: Check your understanding", "title: Check: your understanding");
            List<Problem> problems = course.problems();
            assertEquals(1, problems.size(), problems::toString);
            assertEquals(CourseFixture.NAME + "/" + CHECK, problems.get(0).file());
            assertEquals(course.lineOf(CHECK, "title: Check: your"), problems.get(0).line());
            assertTrue(problems.get(0).message().startsWith("file is not valid YAML: mapping values are not allowed"),
                    problems.get(0).message());
        }

        @Test
        void frontMatterMissing() {
            course.replace(LESSON, "---\nid: m1-l1", "id: m1-l1");
            course.assertOnlyProblem(LESSON, 1, "front matter missing: the file must start with a line '---'");
        }

        @Test
        void frontMatterNotClosed() {
            course.replace(LESSON, "minutes: 3\n---", "minutes: 3\n");
            course.assertOnlyProblem(LESSON, 1, "front matter not closed: no line '---' after the one on line 1");
        }

        @Test
        void frontMatterThatIsNotValidYamlIsReportedWithTheLineInTheMarkdownFile() {
            course.replace(LESSON, "title: Opening", "title: Opening: the first call");
            List<Problem> problems = course.problems();
            assertEquals(1, problems.size(), problems::toString);
            assertEquals(3, problems.get(0).line(), "line 3 of the file is line 2 of the front matter");
            assertTrue(problems.get(0).message().startsWith("front matter is not valid YAML: mapping values"),
                    problems.get(0).message());
        }

        @Test
        void emptyYamlFile() {
            course.write(CHECK, "# nothing yet\n");
            course.assertOnlyProblem(CHECK, 1, "file is empty");
        }

        @Test
        void fileThatIsNotUtf8() throws Exception {
            Files.write(course.dir().resolve(CHECK), new byte[] {'i', 'd', ':', ' ', (byte) 0xC3, 0x28});
            course.assertOnlyProblem(CHECK, 1, "file is not valid UTF-8");
        }
    }

    @Nested
    class KeysAndTypes {

        @Test
        void unknownKeyNamesTheKeysThatAreAllowed() {
            course.replace(CHECK, "        correct: true\n        explanation: Honesty", "        corect: true\n"
                    + "        explanation: Honesty");
            course.assertOnlyProblem(CHECK, course.lineOf(CHECK, "corect: true"),
                    "unknown key 'corect' (expected one of: text, correct, explanation)");
        }

        @Test
        void missingRequiredKeyIsReportedWhereItsMappingStarts() {
            course.replace(MODULE, "summary: Why questions come before proposals.\n", "");
            course.assertOnlyProblem(MODULE, 1, "missing required key 'summary'");
        }

        @Test
        void duplicateKey() {
            course.replace(MODULE, "title: Asking first\n", "title: Asking first\ntitle: Asking again\n");
            course.assertOnlyProblem(MODULE, 3, "duplicate key 'title' (first on line 2)");
        }

        @Test
        void textWhereANumberBelongs() {
            course.replace(LESSON, "minutes: 3", "minutes: three");
            course.assertOnlyProblem(LESSON, 4, "'minutes' must be a whole number, found 'three'");
        }

        @Test
        void textWhereAListBelongs() {
            course.replace(COURSE, "modules:\n  - 01-first\n  - 02-second", "modules: 01-first");
            course.assertOnlyProblem(COURSE, course.lineOf(COURSE, "modules: 01-first"),
                    "'modules' must be a list, found '01-first'");
        }

        @Test
        void wordWhereTrueOrFalseBelongs() {
            course.replace(CHECK, "        correct: true\n        explanation: Reflecting", "        correct: yes\n"
                    + "        explanation: Reflecting");
            course.assertOnlyProblem(CHECK, course.lineOf(CHECK, "correct: yes"),
                    "'correct' must be true or false, found 'yes'");
        }

        @Test
        void emptyValue() {
            course.replace(MODULE, "title: Asking first", "title:");
            course.assertOnlyProblem(MODULE, 2, "'title' is empty");
        }

        @Test
        void listWhereTextBelongs() {
            course.replace(COURSE, "language: en", "language: [en, de]");
            course.assertOnlyProblem(COURSE, 5, "'language' must be text, found a list");
        }
    }

    @Nested
    class Ids {

        @Test
        void duplicateIdNamesWhereItWasFirstDefined() {
            course.replace(LESSON_2, "id: m1-l2", "id: m1-l1");
            course.assertOnlyProblem(LESSON_2, 2,
                    "duplicate id 'm1-l1' (first defined at modules/01-first/01-opening.md:2)");
        }

        @Test
        void duplicateIdAcrossKindsOfContent() {
            course.replace(ASSESSMENT, "id: a7\n", "id: m1-budget\n");
            course.assertOnlyProblem(ASSESSMENT, course.lineOf(ASSESSMENT, "id: m1-budget"),
                    "duplicate id 'm1-budget' (first defined at modules/01-first/roleplay.yaml:"
                            + course.lineOf(ROLEPLAY, "- id: m1-budget") + ")");
        }

        @Test
        void idWithCharactersThatDoNotBelongInAUrl() {
            course.replace(MODULE, "id: m1", "id: m1/a");
            course.assertOnlyProblem(MODULE, 1, "id 'm1/a' may only contain letters, digits, '-' and '_'");
        }

        @Test
        void courseIdMustEqualItsFolderName() {
            course.replace(COURSE, "id: minimal-course", "id: another-course");
            course.assertOnlyProblem(COURSE, 1, "course id 'another-course' must equal its folder name "
                    + "'minimal-course'");
        }
    }

    @Nested
    class Questions {

        @Test
        void questionWithoutACorrectChoice() {
            course.replace(CHECK, "        correct: true\n        explanation: Honesty",
                    "        explanation: Honesty");
            course.assertOnlyProblem(CHECK, course.lineOf(CHECK, "id: m1-q3"), "question m1-q3 has no correct choice");
        }

        @Test
        void questionWithTwoCorrectChoices() {
            course.replace(CHECK, "      - text: Promising everything\n", "      - text: Promising everything\n"
                    + "        correct: true\n");
            course.assertOnlyProblem(CHECK, course.lineOf(CHECK, "id: m1-q3"),
                    "question m1-q3 has 2 correct choices (exactly one needed)");
        }

        @Test
        void choiceWithoutExplanation() {
            course.replace(CHECK,
                    "      - text: Price\n        explanation: Price without context anchors the wrong thing.\n",
                    "      - text: Price\n");
            course.assertOnlyProblem(CHECK, course.lineOf(CHECK, "- text: Price"),
                    "missing required key 'explanation'");
        }

        @Test
        void questionWithFewerThanTwoChoices() {
            course.replace(CHECK, "      - text: That you agree with everything\n"
                    + "        explanation: Repeating is not agreeing.\n", "");
            course.assertOnlyProblem(CHECK, course.lineOf(CHECK, "What does repeating") + 1,
                    "question m1-q4 has 1 choice (at least 2 needed)");
        }

        @Test
        void questionWithMoreThanFiveChoices() {
            String extra = "      - text: Extra\n        explanation: Too many.\n";
            course.replace(CHECK, "      - text: That you agree with everything\n",
                    extra.repeat(4) + "      - text: That you agree with everything\n");
            course.assertOnlyProblem(CHECK, course.lineOf(CHECK, "What does repeating") + 1,
                    "question m1-q4 has 6 choices (at most 5 allowed)");
        }

        @Test
        void checkWithFewerThanFourQuestions() {
            String text = course.read(CHECK);
            course.write(CHECK, text.substring(0, text.indexOf("  - id: m1-q4")));
            course.assertOnlyProblem(CHECK, 3, "check m1-check has 3 questions (at least 4 needed)");
        }

        @Test
        void objectiveThatDoesNotExist() {
            course.replace(CHECK, "    objective: O1\n    prompt: What should",
                    "    objective: O9\n    prompt: What should");
            course.assertOnlyProblem(CHECK, 5, "objective 'O9' does not exist (course.yaml defines: O1, O2)");
        }

        @Test
        void objectiveWithFewerThanTwoAssessmentQuestions() {
            course.replace(COURSE, "modules:\n", "  - id: O3\n    text: A third objective.\nmodules:\n");
            course.replace(ASSESSMENT, "  - id: a20\n    objective: O2", "  - id: a20\n    objective: O3");
            course.assertOnlyProblem(COURSE, course.lineOf(COURSE, "id: O3"),
                    "objective 'O3' is tested by 1 assessment question (at least 2 needed)");
        }

        @Test
        void assessmentWithFewerThanTwentyQuestions() {
            String text = course.read(ASSESSMENT);
            course.write(ASSESSMENT, text.substring(0, text.indexOf("  - id: a20")));
            course.assertOnlyProblem(ASSESSMENT, 3, "assessment final has 19 questions (at least 20 needed)");
        }
    }

    @Nested
    class RolePlays {

        @Test
        void nextPointingToNoNode() {
            String pitch = "trust: -20\n        feedback: Pitching at once takes control of the conversation.\n";
            course.replace(ROLEPLAY, pitch + "        next: m1-close", pitch + "        next: m2-n9");
            course.assertOnlyProblem(ROLEPLAY, course.lineOf(ROLEPLAY, "next: m2-n9"),
                    "next 'm2-n9' points to no node");
        }

        @Test
        void startPointingToNoNode() {
            course.replace(ROLEPLAY, "start: m1-open", "start: m1-opne");
            course.assertOnlyProblem(ROLEPLAY, course.lineOf(ROLEPLAY, "start: m1-opne"),
                    "start 'm1-opne' points to no node");
        }

        @Test
        void unknownBehaviour() {
            course.replace(ROLEPLAY, "behaviour: empathy", "behaviour: charm");
            course.assertOnlyProblem(ROLEPLAY, course.lineOf(ROLEPLAY, "behaviour: charm"),
                    "unknown behaviour 'charm' (expected one of: openness, empathy, authenticity, honesty, control)");
        }

        @Test
        void fewerThanThreeEndings() {
            course.replace(ROLEPLAY, "  - id: m1-maybe\n    min-trust: 40\n    title: Maybe later\n"
                    + "    text: Dana asks for a document and promises to read it.\n", "");
            course.assertOnlyProblem(ROLEPLAY, course.lineOf(ROLEPLAY, "endings:"),
                    "role-play has 2 endings (at least 3 needed)");
        }

        @Test
        void noEndingWithMinimumTrustZero() {
            course.replace(ROLEPLAY, "min-trust: 0", "min-trust: 10");
            course.assertOnlyProblem(ROLEPLAY, course.lineOf(ROLEPLAY, "endings:"),
                    "no ending has min-trust 0, so a conversation with low trust would have no ending");
        }

        @Test
        void nodeUnreachableFromStart() {
            course.replace(ROLEPLAY, "endings:\n", "  - id: m1-orphan\n    buyer: Nobody ever gets here.\n"
                    + "    choices:\n"
                    + "      - {text: A, behaviour: honesty, trust: 0, feedback: F, next: end}\n"
                    + "      - {text: B, behaviour: honesty, trust: 0, feedback: F, next: end}\n"
                    + "endings:\n");
            course.assertOnlyProblem(ROLEPLAY, course.lineOf(ROLEPLAY, "id: m1-orphan"),
                    "node 'm1-orphan' cannot be reached from start 'm1-open'");
        }

        @Test
        void nodeWithOneChoice() {
            course.replace(ROLEPLAY, "      - text: We can surely find money somewhere.\n        behaviour: control\n"
                    + "        trust: -15\n        feedback: Dismissing her constraint breaks trust.\n"
                    + "        next: end\n", "");
            course.assertOnlyProblem(ROLEPLAY, course.lineOf(ROLEPLAY, "our budget is tight") + 1,
                    "node 'm1-budget' has 1 choice (2 to 4 needed)");
        }

        @Test
        void endIsNotANodeId() {
            course.replace(ROLEPLAY, "  - id: m1-close\n", "  - id: end\n");
            List<Problem> problems = course.problems();
            assertProblem(problems.get(0), ROLEPLAY, course.lineOf(ROLEPLAY, "- id: end"),
                    "'end' is reserved for ending the conversation and cannot be a node id");
        }

        @Test
        void startTrustOutsideZeroToHundred() {
            course.replace(ROLEPLAY, "start: 40", "start: 140");
            course.assertOnlyProblem(ROLEPLAY, course.lineOf(ROLEPLAY, "start: 140"),
                    "'start' must be between 0 and 100, found 140");
        }
    }

    @Nested
    class MissingFiles {

        @Test
        void moduleFolderListedButMissing() {
            course.replace(COURSE, "  - 02-second\n", "  - 02-second\n  - 03-missing\n");
            course.assertOnlyProblem(COURSE, course.lineOf(COURSE, "03-missing"),
                    "module folder 'modules/03-missing' does not exist");
        }

        @Test
        void stepFileMissing() {
            course.delete(LESSON_2);
            course.assertOnlyProblem(MODULE, course.lineOf(MODULE, "02-listening.md"),
                    "step file '02-listening.md' does not exist in modules/01-first");
        }

        @Test
        void stepFileOutsideTheModuleFolder() {
            course.replace(MODULE, "lesson: 02-listening.md", "lesson: ../../course.yaml");
            course.assertOnlyProblem(MODULE, course.lineOf(MODULE, "../../course.yaml"),
                    "step file '../../course.yaml' must be a file name in the module folder (no '/' or '..')");
        }

        @Test
        void stepOfUnknownType() {
            course.replace(MODULE, "lesson: 02-listening.md", "quiz: 02-listening.md");
            List<Problem> problems = course.problems();
            assertEquals(2, problems.size(), problems::toString);
            int line = course.lineOf(MODULE, "quiz: 02-listening.md");
            assertProblem(problems.get(0), MODULE, line,
                    "unknown key 'quiz' (expected one of: lesson, check, roleplay, practice, reflection)");
            assertProblem(problems.get(1), MODULE, line,
                    "a step names exactly one of lesson, check, roleplay, practice, reflection, found none");
        }

        @Test
        void courseYamlMissing() {
            course.delete(COURSE);
            course.assertOnlyProblem(COURSE, 1, "course.yaml is missing: every course folder needs one");
        }

        @Test
        void lessonWithoutBody() {
            course.write(LESSON, "---\nid: m1-l1\ntitle: Opening\nminutes: 3\n---\n\n<div>only raw html</div>\n");
            course.assertOnlyProblem(LESSON, 6, "lesson has no text after the front matter");
        }
    }

    @Nested
    class AssessmentSettings {

        @Test
        void drawGreaterThanTheBank() {
            course.replace(COURSE, "draw: 10", "draw: 25");
            course.assertOnlyProblem(COURSE, course.lineOf(COURSE, "draw: 25"),
                    "'draw' is 25 but the assessment bank has only 20 questions");
        }

        @Test
        void aDrawTooSmallForTheObjectivesShare() {
            course.replace(COURSE, "pass-percent: 80", "pass-percent: 80\n  per-objective: 6");
            course.assertOnlyProblem(COURSE, course.lineOf(COURSE, "per-objective"),
                    "'draw' is 10 but giving every objective 6 questions needs 12; raise 'draw' or lower 'per-objective'");
        }

        @Test
        void aNegativeCoolingOff() {
            course.replace(COURSE, "pass-percent: 80", "pass-percent: 80\n  cooling-off-hours: -2");
            course.assertOnlyProblem(COURSE, course.lineOf(COURSE, "cooling-off-hours"),
                    "'cooling-off-hours' must be between 0 and 8760, found -2");
        }

        @Test
        void theAnswerKeySettingMustBeTrueOrFalse() {
            course.replace(COURSE, "pass-percent: 80", "pass-percent: 80\n  show-correct-answers: sometimes");
            course.assertOnlyProblem(COURSE, course.lineOf(COURSE, "show-correct-answers"),
                    "'show-correct-answers' must be true or false, found 'sometimes'");
        }

        @Test
        void thePolicyIsReadWithDefaultsForWhatIsLeftOut() {
            course.replace(COURSE, "pass-percent: 80", "pass-percent: 80\n  cooling-off-hours: 6\n  minimum-active-minutes: 20");
            com.trustportal.catalog.entity.AssessmentPolicy policy = course.load().course().orElseThrow().assessment().policy();
            assertEquals(new com.trustportal.catalog.entity.AssessmentPolicy(2, 2, java.time.Duration.ofHours(6), false, 20),
                    policy);
        }

        @Test
        void passPercentOfZero() {
            course.replace(COURSE, "pass-percent: 80", "pass-percent: 0");
            course.assertOnlyProblem(COURSE, course.lineOf(COURSE, "pass-percent"),
                    "'pass-percent' must be between 1 and 100, found 0");
        }

        @Test
        void passPercentAboveHundred() {
            course.replace(COURSE, "pass-percent: 80", "pass-percent: 101");
            course.assertOnlyProblem(COURSE, course.lineOf(COURSE, "pass-percent"),
                    "'pass-percent' must be between 1 and 100, found 101");
        }
    }

    @Test
    void problemsInSeveralFilesAreAllReportedInOneLoad() {
        course.replace(LESSON_2, "id: m1-l2", "id: m1-l1");
        course.replace(CHECK, "        correct: true\n        explanation: Honesty",
                "        explanation: Honesty");
        course.replace(ROLEPLAY, "behaviour: empathy", "behaviour: charm");
        course.replace(COURSE, "draw: 10", "draw: 25");
        List<String> problems = course.problems().stream().map(Problem::toString).toList();
        assertEquals(4, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("minimal-course/modules/01-first/02-listening.md:2:"),
                problems::toString);
        assertTrue(problems.get(1).contains("question m1-q3 has no correct choice"), problems::toString);
        assertTrue(problems.get(2).contains("unknown behaviour 'charm'"), problems::toString);
        assertTrue(problems.get(3).contains("'draw' is 25"), problems::toString);
    }
}
