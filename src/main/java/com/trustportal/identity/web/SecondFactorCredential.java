package com.trustportal.identity.web;

import jakarta.security.enterprise.credential.Credential;

/** The second step of a sign-in, handed to {@link PortalAuthenticationMechanism}: a code or a recovery code. */
public record SecondFactorCredential(String code) implements Credential {}
