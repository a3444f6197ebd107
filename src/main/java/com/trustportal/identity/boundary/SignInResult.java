package com.trustportal.identity.boundary;

import com.trustportal.identity.entity.SignedInUser;
import java.time.Duration;
import java.util.Optional;

/**
 * The answer to one sign-in: the user, or a refusal. {@code retryAfter} is set when this client must
 * wait before its next guess; it depends only on the e-mail as typed and the client's address, never on
 * whether an account exists.
 */
public record SignInResult(Optional<SignedInUser> user, Optional<Duration> retryAfter) {

  static SignInResult signedIn(SignedInUser user) {
    return new SignInResult(Optional.of(user), Optional.empty());
  }

  static SignInResult refused(Optional<Duration> retryAfter) {
    return new SignInResult(Optional.empty(), retryAfter);
  }
}
