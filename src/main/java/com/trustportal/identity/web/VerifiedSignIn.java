package com.trustportal.identity.web;

import com.trustportal.identity.entity.SignedInUser;
import jakarta.security.enterprise.credential.Credential;
import java.util.Objects;

/**
 * A sign-in already verified by another way than a password (single sign-on: the tenant's identity provider,
 * checked by the {@code sso} feature). {@link PortalAuthenticationMechanism} turns it into exactly the session a
 * password sign-in gives. Only server code can hand one to {@code SecurityContext.authenticate}; nothing in a
 * request can produce it.
 */
public record VerifiedSignIn(SignedInUser user) implements Credential {

  public VerifiedSignIn {
    Objects.requireNonNull(user);
  }
}
