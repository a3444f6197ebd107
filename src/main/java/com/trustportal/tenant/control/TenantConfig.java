package com.trustportal.tenant.control;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One tenant as declared in {@code tenants/<slug>/tenant.yaml}: validated, immutable, and the only
 * input of provisioning. Colours are {@code #rrggbb}; the logo is a file inside the tenant folder.
 */
public record TenantConfig(
    String slug,
    String name,
    List<String> hosts,
    Brand brand,
    Locale locale,
    int seats,
    List<String> courses,
    Signer signer,
    List<InitialAccount> accounts,
    String digest,
    AssessmentOverrides assessment,
    Security security,
    Optional<Sso> sso) {

  public TenantConfig(String slug, String name, List<String> hosts, Brand brand, Locale locale, int seats,
      List<String> courses, Signer signer, List<InitialAccount> accounts, String digest) {
    this(slug, name, hosts, brand, locale, seats, courses, signer, accounts, digest, AssessmentOverrides.NONE);
  }

  public TenantConfig(String slug, String name, List<String> hosts, Brand brand, Locale locale, int seats,
      List<String> courses, Signer signer, List<InitialAccount> accounts, String digest,
      AssessmentOverrides assessment) {
    this(slug, name, hosts, brand, locale, seats, courses, signer, accounts, digest, assessment, Security.NONE,
        Optional.empty());
  }

  public TenantConfig {
    Objects.requireNonNull(slug);
    Objects.requireNonNull(name);
    hosts = List.copyOf(hosts);
    Objects.requireNonNull(brand);
    Objects.requireNonNull(locale);
    courses = List.copyOf(courses);
    Objects.requireNonNull(signer);
    accounts = List.copyOf(accounts);
    Objects.requireNonNull(digest);
    Objects.requireNonNull(assessment);
    Objects.requireNonNull(security);
    Objects.requireNonNull(sso);
  }

  /**
   * The {@code security} block: {@code twoFactor} names the roles (learner, manager, admin) whose accounts must sign
   * in with a second factor; each role is listed by itself (listing admin does not include manager).
   */
  public record Security(java.util.Set<String> twoFactor) {

    public static final Security NONE = new Security(java.util.Set.of());

    public Security {
      twoFactor = java.util.Set.copyOf(twoFactor);
    }

    /** Whether accounts of {@code role} (learner, manager or admin, any case) must use a second factor. */
    public boolean requiresTwoFactor(String role) {
      return role != null && twoFactor.contains(role.toLowerCase(Locale.ROOT));
    }
  }

  /** Whether accounts of this tenant may sign in with a portal password (see {@link Sso#localPasswords}). */
  public boolean allowsLocalPasswords() {
    return sso.map(Sso::localPasswords).orElse(true);
  }

  /**
   * The {@code sso} block: the tenant's own OpenID Connect provider. The client secret is never in the file: the
   * file names an environment variable ({@code secretEnv}) or a file ({@code secretFile}) that holds it, read when a
   * sign-in needs it. {@code roles} maps a group (as the groups claim names it) to learner, manager or admin; the
   * strongest matching role wins, learner when none matches. {@code localPasswords} false: only the tenant's admins
   * may still sign in with a password (the way in when the provider is down or misconfigured).
   */
  public record Sso(String issuer, String clientId, String secretEnv, Path secretFile, String button,
      String emailClaim, String nameClaim, String groupsClaim, Map<String, String> roles, List<String> allowedDomains,
      boolean jit, boolean localPasswords) {

    public Sso {
      Objects.requireNonNull(issuer);
      Objects.requireNonNull(clientId);
      if ((secretEnv == null) == (secretFile == null)) {
        throw new IllegalArgumentException("exactly one of secretEnv and secretFile");
      }
      Objects.requireNonNull(button);
      Objects.requireNonNull(emailClaim);
      Objects.requireNonNull(nameClaim);
      Objects.requireNonNull(groupsClaim);
      roles = Map.copyOf(roles);
      allowedDomains = List.copyOf(allowedDomains);
    }

    /** Whether {@code email}'s domain is one the tenant allows (every domain when the list is empty). */
    public boolean allowsDomainOf(String email) {
      int at = email.lastIndexOf('@');
      if (at < 0) {
        return false;
      }
      String domain = email.substring(at + 1).toLowerCase(Locale.ROOT);
      return allowedDomains.isEmpty() || allowedDomains.contains(domain);
    }
  }

  /**
   * The {@code assessment} block: the tenant's own retake, review and time rules for final assessments, on top of
   * each course's ({@code null} keeps the course's value).
   */
  public record AssessmentOverrides(Integer coolingOffAfter, Integer coolingOffHours, Boolean showCorrectAnswers,
      Integer minimumActiveMinutes) {

    public static final AssessmentOverrides NONE = new AssessmentOverrides(null, null, null, null);
  }

  public record Brand(String primary, String accent, Path logo) {}

  /**
   * The {@code certificate} block: who signs the tenant's certificates and how long they stay valid
   * ({@code validForMonths} 0 = no expiry); learners are re-enrolled {@code recertifyDaysBefore} days
   * before a certificate expires.
   */
  public record Signer(String name, String title, int validForMonths, int recertifyDaysBefore) {

    public static final int DEFAULT_RECERTIFY_DAYS = 30;

    public Signer(String name, String title) {
      this(name, title, 0, DEFAULT_RECERTIFY_DAYS);
    }
  }

  /**
   * An account the tenant file asks for; {@code password} and {@code completed} (courses the demo learner has
   * already finished) are only for demo tenants.
   */
  public record InitialAccount(
      String email, String name, String role, String password, String manager, int line, List<String> completed) {

    public InitialAccount {
      completed = completed == null ? List.of() : List.copyOf(completed);
    }

    public InitialAccount(String email, String name, String role, String password, String manager, int line) {
      this(email, name, role, password, manager, line, List.of());
    }
  }
}
