package com.trustportal.identity.boundary;

import jakarta.ejb.ApplicationException;

/** A change to one's own or another account that is not allowed; the reason is data, the message is for people. */
@ApplicationException(rollback = true)
public class AccountRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public enum Reason { NO_SUCH_ACCOUNT, WRONG_PASSWORD, WEAK_PASSWORD, THROTTLED, WRONG_CODE, TWO_FACTOR_REQUIRED }

  private final Reason reason;

  public AccountRefused(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
