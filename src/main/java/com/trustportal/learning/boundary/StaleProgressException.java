package com.trustportal.learning.boundary;

import com.trustportal.learning.entity.StepState;
import jakarta.ejb.ApplicationException;

/**
 * A save was based on an older state of the step than the one stored, and would overwrite a different answer saved
 * meanwhile (another tab, another device). Nothing was changed; {@link #latest()} is what is stored now.
 */
@ApplicationException(rollback = true)
public class StaleProgressException extends RuntimeException {

  private final StepState latest;

  public StaleProgressException(StepState latest) {
    super("step " + latest.stepId() + " was saved meanwhile (now version " + latest.version() + ")");
    this.latest = latest;
  }

  public StepState latest() {
    return latest;
  }
}
