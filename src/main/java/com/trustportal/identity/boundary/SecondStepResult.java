package com.trustportal.identity.boundary;

import com.trustportal.identity.entity.SignedInUser;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The answer to a second step: the signed-in user (with the new recovery codes, to show once, when the step was an
 * enrolment), or a refusal with the wait in force, or {@code ended}: the half-signed-in state expired or the
 * account changed, so the person must start again with the password.
 */
public record SecondStepResult(Optional<SignedInUser> user, Optional<Duration> retryAfter, boolean ended,
    List<String> recoveryCodes) {

  public SecondStepResult {
    recoveryCodes = List.copyOf(recoveryCodes);
  }

  static SecondStepResult signedIn(SignedInUser user, List<String> recoveryCodes) {
    return new SecondStepResult(Optional.of(user), Optional.empty(), false, recoveryCodes);
  }

  static SecondStepResult refused(Optional<Duration> retryAfter) {
    return new SecondStepResult(Optional.empty(), retryAfter, false, List.of());
  }

  static SecondStepResult expired() {
    return new SecondStepResult(Optional.empty(), Optional.empty(), true, List.of());
  }
}
