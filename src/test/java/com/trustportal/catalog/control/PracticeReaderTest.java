package com.trustportal.catalog.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.catalog.entity.Course;
import com.trustportal.catalog.entity.Practice;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The open practice step's file format: scenario and prompt, then the model answer under its own heading. */
class PracticeReaderTest {

    private static final String MODULE = "modules/01-first/module.yaml";
    private static final String PRACTICE = "modules/01-first/practice.md";
    private static final String GOOD = """
            ---
            id: m1-practice
            title: "Practice: the quiet buyer"
            minutes: 4
            ---
            A buyer at a dental-supplies firm has not answered for a month.

            **Type what you would say** when she finally calls back.

            ## Model answer

            "Thanks for calling back. What changed on your side?"
            """;

    @TempDir
    Path temp;

    CourseFixture course;

    @BeforeEach
    void aCourseWithAPracticeStepBeforeTheReflection() {
        course = CourseFixture.copyInto(temp);
        course.replace(MODULE, "  - reflection: reflection.md", "  - practice: practice.md\n  - reflection: reflection.md");
    }

    @Test
    void aPracticeStepSplitsScenarioFromModelAnswerAtTheHeading() {
        course.write(PRACTICE, GOOD);

        Course loaded = course.loadValid();
        Practice practice = (Practice) loaded.step("m1-practice").orElseThrow();

        assertEquals("Practice: the quiet buyer", practice.title());
        assertEquals(4, practice.minutes());
        assertTrue(practice.html().contains("dental-supplies"), practice.html());
        assertFalse(practice.html().contains("What changed"), "the model answer must not show with the prompt");
        assertFalse(practice.html().contains("Model answer"), practice.html());
        assertTrue(practice.modelAnswerHtml().contains("What changed on your side?"), practice.modelAnswerHtml());
        assertFalse(practice.modelAnswerHtml().contains("dental"), practice.modelAnswerHtml());
    }

    @Test
    void aPracticeWithoutAModelAnswerIsRefusedAtTheFirstLineOfItsBody() {
        course.write(PRACTICE, GOOD.substring(0, GOOD.indexOf("## Model answer")));

        course.assertOnlyProblem(PRACTICE, 6, "practice has no '## Model answer' heading: put the model answer under"
                + " one, after the scenario and prompt");
    }

    @Test
    void anEmptyModelAnswerIsRefusedAtItsHeading() {
        course.write(PRACTICE, GOOD.substring(0, GOOD.indexOf("\"Thanks")));

        course.assertOnlyProblem(PRACTICE, course.lineOf(PRACTICE, "## Model answer"),
                "practice has no text under '## Model answer'");
    }

    @Test
    void aSecondModelAnswerHeadingIsRefusedWhereItStands() {
        course.write(PRACTICE, GOOD + "\n## Model answer\n\nAnother one.\n");

        course.assertOnlyProblem(PRACTICE, 14, "practice has a second '## Model answer' heading (the first is on"
                + " line 10)");
    }

    @Test
    void aPracticeWithoutMinutesIsRefusedInItsFrontMatter() {
        course.write(PRACTICE, GOOD.replace("minutes: 4\n", ""));

        assertEquals(1, course.problems().size(), () -> course.problems().toString());
        assertEquals(CourseFixture.NAME + "/" + PRACTICE, course.problems().get(0).file());
    }
}
