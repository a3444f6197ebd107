package com.trustportal.learning.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void theHtmlLinksEveryStepUnderTheTenantWithItsStateInWords() {
    Course course = MinimalCourse.load();
    List<String> ids = course.steps().stream().map(s -> s.id()).toList();

    String html = Outline.of(course, Set.of(ids.get(0)), ids.get(1)).html("/t/acme", course.id());

    String link = "/t/acme/learn/player.xhtml?course=" + course.id() + "&amp;step=";
    assertEquals(ids.size(), html.split("<li class=\"outline-step ", -1).length - 1, html);
    assertTrue(html.contains("<li class=\"outline-step done\"><a href=\"" + link + ids.get(0)
        + "\" aria-current=\"false\"><span class=\"outline-step-title\">"), html);
    assertTrue(html.contains("<li class=\"outline-step current\"><a href=\"" + link + ids.get(1)
        + "\" aria-current=\"step\">"), html);
    assertTrue(html.contains("<li class=\"outline-step to-do\"><a href=\"" + link + ids.get(2) + "\""), html);
    assertTrue(html.contains("<span class=\"state\">Current step</span>"), html);
    assertTrue(html.contains("<p class=\"outline-module\">1. " + course.modules().get(0).title() + "</p>"), html);
  }

  @Test
  void theHtmlEscapesTitlesAndIds() {
    Outline outline = new Outline(List.of(new Outline.Section(1, "Q&A <b>now</b>",
        List.of(new Outline.Item("s\"1", "Say \"no\" <script>", Outline.State.TO_DO)))));

    String html = outline.html("", "c&d");

    assertTrue(html.contains("1. Q&amp;A &lt;b&gt;now&lt;/b&gt;"), html);
    assertTrue(html.contains("Say &quot;no&quot; &lt;script&gt;"), html);
    assertTrue(html.contains("href=\"/learn/player.xhtml?course=c&amp;d&amp;step=s&quot;1\""), html);
    assertFalse(html.contains("<script>") || html.contains("<b>"), html);
  }
}
