package com.trustportal.learning.web;

import com.trustportal.catalog.entity.Conversation;
import com.trustportal.catalog.entity.Course;
import com.trustportal.catalog.entity.KnowledgeCheck;
import com.trustportal.catalog.entity.Lesson;
import com.trustportal.catalog.entity.Practice;
import com.trustportal.catalog.entity.Question;
import com.trustportal.catalog.entity.Reflection;
import com.trustportal.catalog.entity.RolePlay;
import com.trustportal.catalog.entity.Score;
import com.trustportal.catalog.entity.Step;
import com.trustportal.learning.entity.ChoiceOrder;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The player's read-only view of one step's content and what the learner's small state means for it (feedback on
 * check answers, the role-play conversation so far). Not serialised: rebuilt from the catalogue when missing, and
 * dropped by the player whenever that state changes, so what it memoises always matches.
 */
final class StepView {

  private final Course course;
  private final Step step;
  private Map<String, Feedback> feedback;
  private Conversation conversation;
  private List<Exchange> transcript;
  private Outline outline;
  private Map<String, List<Integer>> choiceOrder;

  StepView(Course course, String stepId) {
    this.course = course;
    this.step = course.step(stepId).orElseThrow(() -> new IllegalArgumentException("no step " + stepId));
  }

  Course course() {
    return course;
  }

  Step step() {
    return step;
  }

  /** The page section to show: lesson, check, reflection, practice or roleplay. */
  String kind() {
    if (step instanceof Lesson) {
      return "lesson";
    }
    if (step instanceof KnowledgeCheck) {
      return "check";
    }
    if (step instanceof Practice) {
      return "practice";
    }
    return step instanceof Reflection ? "reflection" : "roleplay";
  }

  /** Answers to questions this check has, with a choice it offers, in question order; others are dropped. */
  Map<String, Integer> validChoices(Map<String, Integer> answers) {
    Map<String, Integer> valid = new LinkedHashMap<>();
    if (step instanceof KnowledgeCheck check) {
      for (Question q : check.questions()) {
        Integer chosen = answers.get(q.id());
        if (chosen != null && chosen >= 0 && chosen < q.choices().size()) {
          valid.put(q.id(), chosen);
        }
      }
    }
    return valid;
  }

  boolean allCorrect(Map<String, Integer> answers) {
    var score = score(answers);
    return score.correct() == score.total();
  }

  /** The check's score for these answers; questions left unanswered count as wrong. */
  Score score(Map<String, Integer> answers) {
    return ((KnowledgeCheck) step).score(validChoices(answers));
  }

  Map<String, Feedback> feedback(Map<String, Integer> answers) {
    if (feedback == null) {
      Map<String, Feedback> all = new LinkedHashMap<>();
      KnowledgeCheck check = (KnowledgeCheck) step;
      validChoices(answers).forEach((id, chosen) -> all.put(id, Feedback.of(check.question(id).orElseThrow(), chosen)));
      feedback = all;
    }
    return feedback;
  }

  /** The course outline for the steps done ({@code done} holds course step indexes), with this step as current. */
  Outline outline(BitSet done) {
    if (outline == null) {
      List<Step> steps = course.steps();
      Set<String> ids = done.stream().filter(i -> i < steps.size()).mapToObj(i -> steps.get(i).id())
          .collect(Collectors.toSet());
      outline = Outline.of(course, ids, step.id());
    }
    return outline;
  }

  /** Per question of a check, the file's choice indexes in the order this learner sees them ({@link ChoiceOrder}). */
  Map<String, List<Integer>> choiceOrder(String accountId) {
    if (choiceOrder == null) {
      Map<String, List<Integer>> orders = new LinkedHashMap<>();
      if (step instanceof KnowledgeCheck check) {
        check.questions().forEach(q -> orders.put(q.id(), ChoiceOrder.of(accountId, q.id(), q.choices().size())));
      }
      choiceOrder = orders;
    }
    return choiceOrder;
  }

  /** {@code path} if it can still be played on this role-play (content may have changed), else the empty path. */
  List<Integer> validPath(List<Integer> path) {
    if (!(step instanceof RolePlay play) || path.isEmpty()) {
      return List.of();
    }
    try {
      play.walk(path);
      return path;
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }

  Conversation conversation(List<Integer> path) {
    if (conversation == null) {
      conversation = ((RolePlay) step).walk(path);
    }
    return conversation;
  }

  List<Exchange> transcript(List<Integer> path) {
    if (transcript == null) {
      transcript = Exchange.transcript((RolePlay) step, path);
    }
    return transcript;
  }
}
