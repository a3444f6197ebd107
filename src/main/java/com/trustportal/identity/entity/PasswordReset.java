package com.trustportal.identity.entity;

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
 * A link e-mailed to a person who forgot their password. Only the {@link LinkToken}'s hash is stored; the link
 * works once, for {@link #VALID_FOR}. A new request does not end older links (the first mail may simply be slow, and
 * asking again must not break it); using any one link ends all other open links of the account.
 */
@Entity
@Table(name = "password_reset")
@NamedQuery(name = PasswordReset.FIND_BY_TOKEN, query = "select r from PasswordReset r where r.tokenHash = :hash")
@NamedQuery(name = PasswordReset.FIND_UNUSED_OF, query = "select r from PasswordReset r where r.accountId = :account"
    + " and r.usedAt is null")
public class PasswordReset extends TenantOwned {

  public static final String FIND_BY_TOKEN = "PasswordReset.findByToken";
  public static final String FIND_UNUSED_OF = "PasswordReset.findUnusedOf";
  public static final Duration VALID_FOR = Duration.ofHours(1);

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "account_id", nullable = false, length = 36, updatable = false)
  private String accountId;

  @Column(name = "token_hash", nullable = false, length = 64, updatable = false)
  private String tokenHash;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  @Version
  private long version;

  protected PasswordReset() {}

  private PasswordReset(String accountId, String tokenHash, Instant createdAt) {
    this.id = UUID.randomUUID().toString();
    this.accountId = Objects.requireNonNull(accountId);
    this.tokenHash = Objects.requireNonNull(tokenHash);
    this.createdAt = Objects.requireNonNull(createdAt);
    this.expiresAt = createdAt.plus(VALID_FOR);
  }

  /** A new link and its token, which goes into the e-mail and nowhere else. */
  public record Issued(PasswordReset reset, String token) {}

  public static Issued issue(String accountId, Instant now) {
    String token = LinkToken.generate();
    return new Issued(new PasswordReset(accountId, LinkToken.hash(token), now), token);
  }

  /** Whether the link may still be used at {@code now}: not used, not expired. */
  public boolean open(Instant now) {
    return usedAt == null && now.isBefore(expiresAt);
  }

  /** Uses the link up; refuses a second use and an expired link. */
  public void use(Instant now) {
    if (!open(now)) {
      throw new IllegalStateException(usedAt != null ? "password reset link already used" : "password reset link expired");
    }
    usedAt = now;
  }

  /** Ends a link that was not used (another link of the account was): from {@code now} on it counts as expired. */
  public void end(Instant now) {
    if (open(now)) {
      expiresAt = now;
    }
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
