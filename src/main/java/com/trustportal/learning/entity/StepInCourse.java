package com.trustportal.learning.entity;

import java.util.Objects;
import java.util.Set;

/**
 * A step as the player opens it: the learner's saved state of the step and the ids of the steps done in its course
 * (including steps the course no longer has), read together in one query.
 */
public record StepInCourse(StepState state, Set<String> done) {

  public StepInCourse {
    Objects.requireNonNull(state, "state");
    done = Set.copyOf(Objects.requireNonNull(done, "done"));
  }
}
