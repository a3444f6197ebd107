package com.trustportal.enrolment.boundary;

import jakarta.ejb.ApplicationException;
import java.util.Objects;

/**
 * A change to a learner that is not allowed (no free seat, one's own account, unknown account). The
 * message is for people and may be reworded; the {@link Reason} is what callers decide on (the API's
 * status code), so a new wording never changes an answer.
 */
@ApplicationException(rollback = true)
public class LearnerChangeRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What kind of refusal this is. */
  public enum Reason {
    /** A field is missing, malformed or not allowed here (a bad e-mail, the admin role, one's own manager). */
    INVALID_FIELD,
    /** A field names something the organisation does not have: a manager, a team, a course, an account. */
    UNKNOWN_REFERENCE,
    /**
     * The change conflicts with what is stored: a taken e-mail, no free seat, a password already set, a
     * deactivated account, the last admin, one's own account or role.
     */
    CONFLICT,
    /** The account the change is about does not exist in this organisation. */
    NOT_FOUND
  }

  private final Reason reason;

  public LearnerChangeRefused(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
