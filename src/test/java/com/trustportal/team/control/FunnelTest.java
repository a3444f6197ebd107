package com.trustportal.team.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.trustportal.catalog.entity.Course;
import com.trustportal.learning.MinimalCourse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The funnel from per-learner done counts (the minimal course: module m1 has 5 steps, m2 has 3). */
class FunnelTest {

  private final Course course = MinimalCourse.load();

  @Test
  void countsStartedAtOneStepAndCompletedAtEveryStepOfAModuleInModuleOrder() {
    Funnel funnel = new Funnel(course);
    funnel.add(new int[] {5, 3}); // everything
    funnel.add(new int[] {5, 1}); // m1 done, m2 started
    funnel.add(new int[] {2, 0}); // m1 started
    funnel.addIdle();             // nothing yet

    List<Funnel.Stage> stages = funnel.stages();
    assertEquals(List.of("m1", "m2"), stages.stream().map(Funnel.Stage::moduleId).toList());
    assertEquals(new Funnel.Stage("m1", stages.get(0).title(), 5, 3, 2, 4), stages.get(0));
    assertEquals(new Funnel.Stage("m2", stages.get(1).title(), 3, 2, 1, 4), stages.get(1));
    assertEquals(75, stages.get(0).startedPercent());
    assertEquals(25, stages.get(1).completedPercent());
  }

  @Test
  void anEmptyGroupHasZeroPercentNotADivisionByZero() {
    Funnel.Stage first = new Funnel(course).stages().get(0);
    assertEquals(0, first.learners());
    assertEquals(0, first.startedPercent());
  }

  @Test
  void refusesCountsThatDoNotMatchTheModules() {
    assertThrows(IllegalArgumentException.class, () -> new Funnel(course).add(new int[] {1}));
  }
}
