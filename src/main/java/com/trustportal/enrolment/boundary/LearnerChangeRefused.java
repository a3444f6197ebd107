package com.trustportal.enrolment.boundary;

import jakarta.ejb.ApplicationException;

/** A change to a learner that is not allowed (no free seat, one's own account, unknown account). */
@ApplicationException(rollback = true)
public class LearnerChangeRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public LearnerChangeRefused(String message) {
    super(message);
  }
}
