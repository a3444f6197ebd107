package com.trustportal.learning.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.catalog.entity.Course;
import com.trustportal.catalog.entity.Step;
import com.trustportal.learning.MinimalCourse;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CourseProgressTest {

  private final Course course = MinimalCourse.load();

  @Test
  void aLearnerWithNothingDoneStartsAtTheFirstStep() {
    CourseProgress progress = new CourseProgress(course, Set.of());

    assertEquals(CourseProgress.Status.NOT_STARTED, progress.status());
    assertEquals("Not started", progress.status().label());
    assertEquals("m1-l1", progress.resumeStepId());
    assertEquals(0, progress.completion().percent());
  }

  @Test
  void aLearnerWhoFinishedModuleOneResumesAtTheFirstStepOfModuleTwo() {
    CourseProgress progress = new CourseProgress(course,
        Set.of("m1-l1", "m1-l2", "m1-check", "m1-roleplay", "m1-reflect"));

    assertEquals(CourseProgress.Status.IN_PROGRESS, progress.status());
    assertEquals("m2-l1", progress.resumeStepId());
    assertEquals(62, progress.completion().percent());
  }

  @Test
  void aSkippedStepIsWhereTheLearnerResumes() {
    assertEquals("m1-l2", new CourseProgress(course, Set.of("m1-l1", "m1-check", "m2-l1")).resumeStepId());
  }

  @Test
  void everyStepDoneWithoutThePassedAssessmentLeavesTheAssessmentDue() {
    Set<String> all = course.steps().stream().map(Step::id).collect(Collectors.toSet());

    CourseProgress progress = new CourseProgress(course, all);

    assertEquals(CourseProgress.Status.ASSESSMENT_DUE, progress.status());
    assertEquals("m2-reflect", progress.resumeStepId());
    assertEquals(100, progress.completion().percent());
  }

  @Test
  void aRecordedCompletionIsCompleted() {
    Set<String> all = course.steps().stream().map(Step::id).collect(Collectors.toSet());

    assertEquals(CourseProgress.Status.COMPLETED, new CourseProgress(course, all, true).status());
  }

  @Test
  void aRecordedCompletionStaysCompletedWhenTheAuthorAddsAStepWithoutANewVersion() {
    Set<String> allButOne = course.steps().stream().skip(1).map(Step::id).collect(Collectors.toSet());

    CourseProgress progress = new CourseProgress(course, allButOne, true);

    assertEquals(CourseProgress.Status.COMPLETED, progress.status());
    assertTrue(progress.completion().percent() < 100, "the card still shows the step that is new to the learner");
  }

  @Test
  void everyStepDoneIsNotCompletedUntilTheCompletionIsRecorded() {
    Set<String> all = course.steps().stream().map(Step::id).collect(Collectors.toSet());

    assertEquals(CourseProgress.Status.ASSESSMENT_DUE, new CourseProgress(course, all, false).status());
  }

  @Test
  void stepsThatTheCourseNoLongerHasNeitherCountNorStartTheCourse() {
    CourseProgress progress = new CourseProgress(course, Set.of("m0-removed", "old-check"));

    assertEquals(CourseProgress.Status.NOT_STARTED, progress.status());
    assertEquals("m1-l1", progress.resumeStepId());
  }

  @Test
  void thePositionNamesModuleAndStepAndCrossesModuleBordersForPreviousAndNext() {
    Position first = new CourseProgress(course, Set.of()).positionOf("m1-l1").orElseThrow();
    Position border = new CourseProgress(course, Set.of("m1-l1", "m1-l2", "m1-check")).positionOf("m2-l1").orElseThrow();

    assertNull(first.previousStepId());
    assertEquals("m1-l2", first.nextStepId());
    assertEquals("Module 1 of 2 · Step 1 of 5 · 0% of the course", first.label());
    assertEquals("m1-reflect", border.previousStepId());
    assertEquals("m2-check", border.nextStepId());
    assertEquals("Module 2 of 2 · Step 1 of 3 · 37% of the course", border.label());
    assertEquals("Staying honest", border.moduleTitle());
    assertTrue(new CourseProgress(course, Set.of()).positionOf("no-such-step").isEmpty());
  }

  @Test
  void theLastStepHasNoNext() {
    assertNull(new CourseProgress(course, Set.of()).positionOf("m2-reflect").orElseThrow().nextStepId());
  }
}
