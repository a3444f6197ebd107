package com.trustportal.identity.boundary;

import jakarta.ejb.ApplicationException;

/** A reset that cannot go ahead: the link is not (or no longer) valid, or the chosen password is not acceptable. */
@ApplicationException(rollback = true)
public class PasswordResetRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What was wrong, as data; the message says it in words for the person. */
  public enum Reason { LINK_INVALID, WEAK_PASSWORD, BAD_EMAIL, UNAVAILABLE }

  private final Reason reason;

  public PasswordResetRefused(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
