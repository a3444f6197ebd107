package com.trustportal.learning.web;

import com.trustportal.catalog.entity.Choice;
import com.trustportal.catalog.entity.Question;

/** The immediate feedback on one knowledge-check question: right or not, and why, for the chosen and right choice. */
public record Feedback(boolean correct, Choice chosen, Choice right) {

  static Feedback of(Question question, int chosenIndex) {
    return new Feedback(question.isAnsweredCorrectlyBy(chosenIndex), question.choice(chosenIndex),
        question.choice(question.correctChoice()));
  }
}
