package com.trustportal.learning.entity;

import java.io.Serializable;

/**
 * Where a step sits in its course, for the player's orientation line and its previous/next links. Small and
 * Serializable: a view-scoped page keeps it. {@code previousStepId} and {@code nextStepId} cross module borders and
 * are null at the ends of the course.
 */
public record Position(String moduleTitle, int moduleNumber, int modules, int stepNumber, int steps, int percent,
    String previousStepId, String nextStepId) implements Serializable {

  /** "Module 2 of 6 · Step 3 of 7 · 34% of the course" */
  public String label() {
    return "Module " + moduleNumber + " of " + modules + " · Step " + stepNumber + " of " + steps + " · " + percent
        + "% of the course";
  }
}
