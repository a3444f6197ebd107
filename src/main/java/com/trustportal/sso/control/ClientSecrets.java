package com.trustportal.sso.control;

import com.trustportal.tenant.control.TenantConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A tenant's OpenID client secret, read when a sign-in needs it from where the tenant file says it is (an
 * environment variable or a file), never from the tenant file itself; so a secret can be rotated without editing
 * the file, and the file can be shown to anyone who configures the tenant.
 */
public final class ClientSecrets {

  private static final Logger LOG = Logger.getLogger("portal");

  private ClientSecrets() {}

  /** The secret, or empty when the variable or file is missing or blank (logged, never the secret). */
  public static Optional<String> read(TenantConfig.Sso sso) {
    String secret;
    if (sso.secretEnv() != null) {
      secret = System.getenv(sso.secretEnv());
      if (secret == null || secret.isBlank()) {
        LOG.warning(() -> "Single sign-on: environment variable " + sso.secretEnv() + " is not set");
        return Optional.empty();
      }
    } else {
      try {
        secret = Files.readString(sso.secretFile(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        LOG.warning(() -> "Single sign-on: cannot read the client secret file " + sso.secretFile() + ": " + e);
        return Optional.empty();
      }
    }
    secret = secret.strip();
    return secret.isEmpty() ? Optional.empty() : Optional.of(secret);
  }
}
