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
    String digest) {

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
  }

  public record Brand(String primary, String accent, Path logo) {}

  public record Signer(String name, String title) {}

  /** An account the tenant file asks for; {@code password} is only for demo tenants. */
  public record InitialAccount(
      String email, String name, String role, String password, String manager, int line) {}
}
