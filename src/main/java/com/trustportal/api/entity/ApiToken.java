package com.trustportal.api.entity;

import com.trustportal.tenant.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A credential for the REST API of one tenant. The token is {@code tp_<tenant>_<64 hex digits>}: the
 * tenant in it says where to look the token up (so a token can never be checked against another
 * tenant's table), the 256 random bits are the secret. Only their SHA-256 is stored; a fast hash is
 * right here because the secret is random, not a password a person chose.
 */
@Entity
@Table(name = "api_token")
@NamedQuery(name = ApiToken.FIND_BY_HASH, query = "select t from ApiToken t where t.tokenHash = :hash")
@NamedQuery(name = ApiToken.FIND_ALL, query = "select t from ApiToken t where t.kind = :kind order by t.createdAt desc, t.id")
@NamedQuery(name = ApiToken.NOTE_USE, query = "update ApiToken t set t.lastUsedAt = :minute where t.id = :id"
    + " and (t.lastUsedAt is null or t.lastUsedAt < :minute)")
public class ApiToken extends TenantOwned {

  public static final String FIND_BY_HASH = "ApiToken.findByHash";
  public static final String FIND_ALL = "ApiToken.findAll";
  /**
   * Notes a use as one conditional bulk update, never through the versioned entity: parallel requests
   * with one token (and every request at a minute boundary) would otherwise conflict on the version.
   * Whoever comes second finds the condition false and changes nothing.
   */
  public static final String NOTE_USE = "ApiToken.noteUse";
  public static final int MAX_NAME = 80;

  private static final Pattern FORMAT = Pattern.compile("tp_([a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?)_([0-9a-f]{64})");
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * What a token opens. A token opens one door only: a REST API token is refused by SCIM and a SCIM token by
   * the REST API, so an HR tool's token cannot create or deactivate accounts through SCIM, nor can an
   * identity provider's token read learners' progress through the API.
   */
  public enum Kind { API, SCIM }

  @Id
  @Column(length = 36)
  private String id;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  @Column(nullable = false, length = 10, updatable = false)
  private Kind kind = Kind.API;

  @Column(nullable = false, length = MAX_NAME)
  private String name;

  @Column(name = "token_hash", nullable = false, length = 64, updatable = false)
  private String tokenHash;

  @Column(nullable = false, length = 60, updatable = false)
  private String prefix;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 254, updatable = false)
  private String createdBy;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Version
  private long version;

  protected ApiToken() {}

  private ApiToken(Kind kind, String name, String tokenHash, String prefix, Instant createdAt, String createdBy) {
    this.id = UUID.randomUUID().toString();
    this.kind = Objects.requireNonNull(kind);
    this.name = name;
    this.tokenHash = tokenHash;
    this.prefix = prefix;
    this.createdAt = Objects.requireNonNull(createdAt);
    this.createdBy = Objects.requireNonNull(createdBy);
  }

  /** A new token and its secret, which the caller shows once. */
  public record Issued(ApiToken token, String secret) {}

  /** Issues a token for {@code tenant}; the name says what it is for ("HR sync"), so it can be revoked knowingly. */
  public static Issued issue(String tenant, String name, String createdBy, Instant now) {
    return issue(Kind.API, tenant, name, createdBy, now);
  }

  /** Issues a token of {@code kind} for {@code tenant}. */
  public static Issued issue(Kind kind, String tenant, String name, String createdBy, Instant now) {
    String trimmed = name == null ? "" : name.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("name: say what the token is for, e.g. 'HR sync'");
    }
    if (trimmed.length() > MAX_NAME) {
      throw new IllegalArgumentException("name: at most " + MAX_NAME + " characters");
    }
    if (trimmed.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("name: control characters are not allowed");
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String secret = "tp_" + tenant + "_" + HexFormat.of().formatHex(bytes);
    if (!FORMAT.matcher(secret).matches()) {
      throw new IllegalArgumentException("not a tenant slug: " + tenant);
    }
    String prefix = secret.substring(0, secret.length() - 60) + "…";
    return new Issued(new ApiToken(kind, trimmed, hash(secret), prefix, now, createdBy), secret);
  }

  /** The tenant a presented token claims to belong to, or empty when it is not a token of this format. */
  public static Optional<String> tenantOf(String presented) {
    if (presented == null) {
      return Optional.empty();
    }
    Matcher m = FORMAT.matcher(presented);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  public static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public boolean active() {
    return revokedAt == null;
  }

  /** Revoking is final: a revoked token never works again. */
  public void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  /**
   * The minute a use at {@code now} is noted as. "Last used" is kept to the minute, which is enough to
   * tell a live token from a dead one, so a busy client causes one write a minute, not one per call.
   */
  public static Instant useMinute(Instant now) {
    return now.truncatedTo(ChronoUnit.MINUTES);
  }

  /** Whether a use in {@code minute} is not noted yet (see {@link #NOTE_USE}, which writes it). */
  public boolean useToNote(Instant minute) {
    return lastUsedAt == null || lastUsedAt.isBefore(minute);
  }

  public String id() {
    return id;
  }

  public Kind kind() {
    return kind;
  }

  public String name() {
    return name;
  }

  public String prefix() {
    return prefix;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant lastUsedAt() {
    return lastUsedAt;
  }

  public Instant revokedAt() {
    return revokedAt;
  }
}
