package com.trustportal.enrolment.entity;

import com.trustportal.identity.entity.LinkToken;
import com.trustportal.tenant.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A one-time link for a new learner to set their password. Only the token's SHA-256 is stored; the
 * token (a {@link LinkToken}, 256 random bits) exists in the link alone. It can be used once, before it expires.
 */
@Entity
@Table(name = "invitation")
@NamedQuery(name = Invitation.FIND_BY_TOKEN, query = "select i from Invitation i where i.tokenHash = :hash")
@NamedQuery(name = Invitation.FIND_UNUSED_OF, query = "select i from Invitation i where i.accountId = :account"
    + " and i.usedAt is null")
public class Invitation extends TenantOwned {

  public static final String FIND_BY_TOKEN = "Invitation.findByToken";
  public static final String FIND_UNUSED_OF = "Invitation.findUnusedOf";
  public static final Duration VALID_FOR = Duration.ofDays(7);

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "account_id", nullable = false, length = 36)
  private String accountId;

  @Column(name = "token_hash", nullable = false, length = 64)
  private String tokenHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  @Version
  private long version;

  protected Invitation() {}

  private Invitation(String accountId, String tokenHash, Instant createdAt, Instant expiresAt) {
    this.id = UUID.randomUUID().toString();
    this.accountId = Objects.requireNonNull(accountId);
    this.tokenHash = tokenHash;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  /** A new invitation and its token, which the caller shows or sends once. */
  public record Issued(Invitation invitation, String token) {}

  public static Issued issue(String accountId, Instant now, Duration validFor) {
    String token = LinkToken.generate();
    return new Issued(new Invitation(accountId, hash(token), now, now.plus(validFor)), token);
  }

  public static String hash(String token) {
    return LinkToken.hash(token);
  }

  /** Marks it used; refuses a second use and an expired link, saying which. */
  public void use(Instant now) {
    if (usedAt != null) {
      throw new IllegalStateException("this invitation link was already used; sign in with your password, or ask your"
          + " admin for a new link");
    }
    if (!now.isBefore(expiresAt)) {
      throw new IllegalStateException("this invitation link expired on " + expiresAt.toString().substring(0, 10)
          + "; ask your admin for a new link");
    }
    usedAt = now;
  }

  /**
   * Ends an unused link now (a new one replaces it): it then counts as expired. Returns false when it was
   * already used or expired, so nothing changed.
   */
  public boolean revoke(Instant now) {
    if (usedAt != null || !now.isBefore(expiresAt)) {
      return false;
    }
    expiresAt = now;
    return true;
  }

  public String accountId() {
    return accountId;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant usedAt() {
    return usedAt;
  }
}
