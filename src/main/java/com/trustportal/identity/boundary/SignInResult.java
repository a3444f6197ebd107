package com.trustportal.identity.boundary;

import com.trustportal.identity.entity.PendingSignIn;
import com.trustportal.identity.entity.SignedInUser;
import java.time.Duration;
import java.util.Optional;

/**
 * The answer to one sign-in: the user, a second step still to take ({@code secondStep}: the password was right and
 * the account has, or must enrol, a second factor), or a refusal. {@code retryAfter} is set when this client must
 * wait before its next guess; it depends only on the e-mail as typed and the client's address, never on whether an
 * account exists.
 */
public record SignInResult(Optional<SignedInUser> user, Optional<Duration> retryAfter, Optional<PendingSignIn> secondStep) {

  public SignInResult(Optional<SignedInUser> user, Optional<Duration> retryAfter) {
    this(user, retryAfter, Optional.empty());
  }

  static SignInResult signedIn(SignedInUser user) {
    return new SignInResult(Optional.of(user), Optional.empty());
  }

  static SignInResult secondStep(PendingSignIn pending) {
    return new SignInResult(Optional.empty(), Optional.empty(), Optional.of(pending));
  }

  static SignInResult refused(Optional<Duration> retryAfter) {
    return new SignInResult(Optional.empty(), retryAfter);
  }
}
