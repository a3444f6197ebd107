package com.trustportal.catalog.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.catalog.entity.Course;
import com.trustportal.catalog.entity.KnowledgeCheck;
import com.trustportal.catalog.entity.Lesson;
import com.trustportal.catalog.entity.Module;
import com.trustportal.catalog.entity.Objective;
import com.trustportal.catalog.entity.Reflection;
import com.trustportal.catalog.entity.RolePlay;
import com.trustportal.catalog.entity.Step;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The course shipped in the WAR loads without a single problem and has the shape the content brief promises, so a
 * content edit that breaks either fails the build instead of silently dropping the course from the catalogue.
 */
class ShippedCatalogTest {

    private static Course course;

    @BeforeAll
    static void loadShippedCourse() {
        CourseLoadResult result = new CourseLoader().load(CourseFixture.resource("/catalog/collaborative-selling"));
        assertEquals("", result.problems().stream().map(Problem::toString).collect(Collectors.joining("\n")),
                "the shipped course must load without problems");
        course = result.course().orElseThrow();
    }

    @Test
    void hasAtLeastFiveModules() {
        assertTrue(course.modules().size() >= 5, "modules: " + course.modules().size());
    }

    @Test
    void everyModuleHasThreeToSixLessonsACheckOfFourOrMoreQuestionsAndAReflection() {
        for (Module module : course.modules()) {
            long lessons = count(module.steps(), Lesson.class);
            assertTrue(lessons >= 3 && lessons <= 6, module.id() + " has " + lessons + " lessons");
            List<KnowledgeCheck> checks = module.steps().stream()
                    .filter(KnowledgeCheck.class::isInstance).map(KnowledgeCheck.class::cast).toList();
            assertEquals(1, checks.size(), module.id() + " checks");
            assertTrue(checks.get(0).questions().size() >= 4, module.id() + " check questions");
            assertTrue(count(module.steps(), Reflection.class) >= 1, module.id() + " has no reflection");
        }
    }

    @Test
    void everyModuleHasOnePracticeStepJustBeforeItsReflection() {
        for (Module module : course.modules()) {
            List<com.trustportal.catalog.entity.Step> steps = module.steps();
            assertEquals(1, count(steps, com.trustportal.catalog.entity.Practice.class), module.id() + " practice steps");
            assertTrue(steps.get(steps.size() - 2) instanceof com.trustportal.catalog.entity.Practice,
                    module.id() + ": the practice comes just before the reflection");
            assertTrue(steps.get(steps.size() - 1) instanceof Reflection, module.id() + " ends with its reflection");
        }
    }

    @Test
    void hasAtLeastTwoRolePlaysWithThreeOrMoreEndings() {
        List<RolePlay> plays = course.steps().stream()
                .filter(RolePlay.class::isInstance).map(RolePlay.class::cast).toList();
        assertTrue(plays.size() >= 2, "role-plays: " + plays.size());
        plays.forEach(play -> assertTrue(play.endings().size() >= 3, play.id() + " endings"));
    }

    @Test
    void assessmentBankHasTwentyQuestionsAndTestsEveryObjectiveTwice() {
        assertTrue(course.assessment().bank().size() >= 20, "bank: " + course.assessment().bank().size());
        for (Objective objective : course.objectives()) {
            int questions = course.assessment().questionsFor(objective.id()).size();
            assertTrue(questions >= 2, objective.id() + " has " + questions + " assessment questions");
        }
    }

    private static long count(List<Step> steps, Class<? extends Step> kind) {
        return steps.stream().filter(kind::isInstance).count();
    }
}
