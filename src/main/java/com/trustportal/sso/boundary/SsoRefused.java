package com.trustportal.sso.boundary;

import jakarta.ejb.ApplicationException;

/** A single sign-on the portal does not accept; the reason is data, the message is what the visitor reads. */
@ApplicationException(rollback = true)
public class SsoRefused extends RuntimeException {

  public enum Reason {
    NOT_CONFIGURED, SIGN_IN_EXPIRED, OTHER_TENANT, PROVIDER_ERROR, INVALID_TOKEN, NO_EMAIL, DOMAIN_NOT_ALLOWED,
    NO_ACCOUNT, INACTIVE, NO_SEAT
  }

  private final Reason reason;

  public SsoRefused(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
