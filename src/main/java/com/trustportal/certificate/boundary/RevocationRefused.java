package com.trustportal.certificate.boundary;

import jakarta.ejb.ApplicationException;
import java.util.Objects;

/**
 * A revocation that cannot be done. Callers decide on the {@link Reason} (the API's status code),
 * never on the message, which is for people.
 */
@ApplicationException(rollback = true)
public class RevocationRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What kind of refusal this is. */
  public enum Reason {
    /** Revocation is final: the certificate was revoked before. */
    ALREADY_REVOKED,
    /** No certificate with this code in the organisation. */
    NOT_FOUND
  }

  private final Reason reason;

  public RevocationRefused(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
