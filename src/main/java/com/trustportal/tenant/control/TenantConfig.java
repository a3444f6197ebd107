package com.trustportal.tenant.control;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

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
    Security security) {

  public TenantConfig(String slug, String name, List<String> hosts, Brand brand, Locale locale, int seats,
      List<String> courses, Signer signer, List<InitialAccount> accounts, String digest) {
    this(slug, name, hosts, brand, locale, seats, courses, signer, accounts, digest, AssessmentOverrides.NONE);
  }

  public TenantConfig(String slug, String name, List<String> hosts, Brand brand, Locale locale, int seats,
      List<String> courses, Signer signer, List<InitialAccount> accounts, String digest,
      AssessmentOverrides assessment) {
    this(slug, name, hosts, brand, locale, seats, courses, signer, accounts, digest, assessment, Security.NONE);
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
