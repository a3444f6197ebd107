package com.trustportal.learning.entity;

import java.io.Serializable;

/**
 * A learner's saved state of one step as pages need it: small and Serializable, so a view-scoped page can keep it.
 * {@code version} is the row's optimistic-lock version; {@link #NONE} (0) means nothing was saved yet.
 */
public record StepState(String stepId, String answer, Boolean correct, boolean done, long version)
    implements Serializable {

  public static final long NONE = 0;

  public static StepState none(String stepId) {
    return new StepState(stepId, null, null, false, NONE);
  }
}
