package com.trustportal.tenant.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer company. Platform-level (not tenant-owned): the row records which configuration was
 * applied and when, so provisioning at start-up is idempotent and auditable. It is cached in the
 * shared cache because it holds nothing of any tenant's learners.
 */
@Entity
@Table(name = "tenant")
@Cacheable
@NamedQuery(name = Tenant.FIND_ALL, query = "select t from Tenant t order by t.slug")
public class Tenant {

  public static final String FIND_ALL = "Tenant.findAll";

  @Id
  @Column(name = "slug", length = 40)
  private String slug;

  @Column(name = "display_name", nullable = false)
  private String name;

  @Column(name = "seat_limit", nullable = false)
  private int seats;

  @Column(name = "signer_name", nullable = false)
  private String signerName;

  @Column(name = "signer_title", nullable = false)
  private String signerTitle;

  @Column(name = "config_digest", nullable = false, length = 64)
  private String configDigest;

  @Column(name = "applied_at", nullable = false)
  private Instant appliedAt;

  @Version
  private long version;

  protected Tenant() {}

  public Tenant(String slug, String name, int seats, String signerName, String signerTitle, String digest, Instant at) {
    this.slug = Objects.requireNonNull(slug);
    apply(name, seats, signerName, signerTitle, digest, at);
  }

  /** Takes over a changed configuration; returns false when the digest shows nothing changed. */
  public boolean apply(String name, int seats, String signerName, String signerTitle, String digest, Instant at) {
    if (digest.equals(configDigest)) {
      return false;
    }
    this.name = Objects.requireNonNull(name);
    this.seats = seats;
    this.signerName = Objects.requireNonNull(signerName);
    this.signerTitle = Objects.requireNonNull(signerTitle);
    this.configDigest = digest;
    this.appliedAt = at;
    return true;
  }

  public String slug() {
    return slug;
  }

  public String name() {
    return name;
  }

  public int seats() {
    return seats;
  }

  public Instant appliedAt() {
    return appliedAt;
  }
}
