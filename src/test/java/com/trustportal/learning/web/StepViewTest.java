package com.trustportal.learning.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.catalog.entity.Course;
import com.trustportal.catalog.entity.RolePlay;
import com.trustportal.learning.MinimalCourse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepViewTest {

  private final Course course = MinimalCourse.load();

  @Test
  void eachStepKindSelectsItsSectionOfThePlayer() {
    assertEquals("lesson", new StepView(course, "m1-l1").kind());
    assertEquals("check", new StepView(course, "m1-check").kind());
    assertEquals("roleplay", new StepView(course, "m1-roleplay").kind());
    assertEquals("reflection", new StepView(course, "m1-reflect").kind());
  }

  @Test
  void checkFeedbackSaysRightOrWrongWithTheChosenAndTheRightExplanation() {
    StepView check = new StepView(course, "m1-check");
    Map<String, Integer> answers = new LinkedHashMap<>(Map.of("m1-q1", 0, "m1-q2", 1, "m1-q3", 0, "m1-q4", 0));

    Feedback wrong = check.feedback(answers).get("m1-q2");

    assertTrue(check.feedback(answers).get("m1-q1").correct());
    assertFalse(wrong.correct());
    assertEquals("Too early to know what matters.", wrong.chosen().explanation());
    assertEquals("Then the proposal answers something real.", wrong.right().explanation());
    assertFalse(check.allCorrect(answers));
    answers.put("m1-q2", 0);
    assertTrue(check.allCorrect(answers));
  }

  @Test
  void answersToUnknownQuestionsOrChoicesAreDroppedAndTheRestKeptInQuestionOrder() {
    Map<String, Integer> stored = new LinkedHashMap<>();
    stored.put("m1-q4", 1);
    stored.put("removed-question", 0);
    stored.put("m1-q1", 7);
    stored.put("m1-q2", 0);

    assertEquals(List.of("m1-q2", "m1-q4"), List.copyOf(new StepView(course, "m1-check").validChoices(stored).keySet()));
  }

  @Test
  void aStoredRolePlayPathIsReplayedIntoTheTranscriptAndTheEnding() {
    StepView play = new StepView(course, "m1-roleplay");
    List<Integer> path = play.validPath(List.of(0, 0, 0));

    assertEquals(List.of(0, 0, 0), path);
    assertTrue(play.conversation(path).isOver());
    assertEquals("A partner, not a vendor", play.conversation(path).ending().orElseThrow().title());
    List<Exchange> transcript = play.transcript(path);
    assertEquals(3, transcript.size());
    assertEquals("So, what are you selling?", transcript.get(0).buyerLine());
    assertEquals("Openness", transcript.get(0).behaviour());
    assertEquals("+15", transcript.get(0).trustChange());
    assertEquals("Honestly, our budget is tight this year.", transcript.get(1).buyerLine());
  }

  @Test
  void aPathThatNoLongerFitsTheRolePlayStartsTheConversationAfresh() {
    StepView play = new StepView(course, "m1-roleplay");

    assertEquals(List.of(), play.validPath(List.of(0, 5)));
    assertEquals(List.of(), play.validPath(List.of(1, 0, 0)));
    assertEquals(List.of(), new StepView(course, "m1-l1").validPath(List.of(0)));
  }

  @Test
  void aControlReplyShowsItsBehaviourAndTheTrustItCost() {
    Exchange pitch = Exchange.transcript((RolePlay) new StepView(course, "m1-roleplay").step(), List.of(1)).get(0);

    assertEquals("Control", pitch.behaviour());
    assertEquals("-20", pitch.trustChange());
  }
}
