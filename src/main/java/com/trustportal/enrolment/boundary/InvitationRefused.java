package com.trustportal.enrolment.boundary;

import jakarta.ejb.ApplicationException;

/** An invitation link that cannot be used (unknown, used, expired) or a password that is not acceptable. */
@ApplicationException(rollback = true)
public class InvitationRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvitationRefused(String message) {
    super(message);
  }
}
