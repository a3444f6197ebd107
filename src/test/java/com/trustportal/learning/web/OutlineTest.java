package com.trustportal.learning.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.trustportal.catalog.entity.Course;
import com.trustportal.learning.MinimalCourse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutlineTest {

  @Test
  void everyStepIsDoneCurrentOrToDoInCourseOrder() {
    Course course = MinimalCourse.load();
    List<String> ids = course.steps().stream().map(s -> s.id()).toList();

    Outline outline = Outline.of(course, Set.of(ids.get(0), ids.get(2)), ids.get(1));

    assertEquals(course.modules().size(), outline.sections().size());
    assertEquals(1, outline.sections().get(0).number());
    List<Outline.Item> items = outline.sections().stream().flatMap(s -> s.items().stream()).toList();
    assertEquals(ids, items.stream().map(Outline.Item::stepId).toList());
    assertEquals(Outline.State.DONE, items.get(0).state());
    assertEquals(Outline.State.CURRENT, items.get(1).state());
    assertEquals(Outline.State.DONE, items.get(2).state());
    assertEquals(Outline.State.TO_DO, items.get(3).state());
  }

  @Test
  void theCurrentStepIsCurrentEvenWhenItIsDone() {
    Course course = MinimalCourse.load();
    String first = course.steps().get(0).id();

    Outline outline = Outline.of(course, Set.of(first), first);

    assertEquals(Outline.State.CURRENT, outline.sections().get(0).items().get(0).state());
  }
}
