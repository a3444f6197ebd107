package com.trustportal.certificate.entity;

import com.trustportal.tenant.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * A certificate of completion: what was achieved (copied from the completion, the account and the
 * course at issue time), its verification code, its signed credential, and whether it still holds:
 * valid until it expires or an admin revokes it. Revocation is final.
 */
@Entity
@Table(name = "certificate")
@NamedQuery(name = Certificate.FIND_BY_CODE, query = "select c from Certificate c where c.code.code = :code")
@NamedQuery(name = Certificate.FIND_BY_COMPLETION, query = "select c from Certificate c where c.completionId = :completion")
@NamedQuery(name = Certificate.FIND_BY_LEARNER, query =
    "select c from Certificate c where c.accountId = :account order by c.issuedAt desc")
@NamedQuery(name = Certificate.FIND_ALL, query = "select c from Certificate c order by c.issuedAt desc")
@NamedQuery(name = Certificate.FIND_REVOKED, query =
    "select c from Certificate c where c.revokedAt is not null order by c.revokedAt")
@NamedQuery(name = Certificate.FIND_LEGACY_STATUS, query =
    "select c from Certificate c where c.statusIndex is not null and c.credential not like :status")
@NamedQuery(name = Certificate.FIND_UNCHOSEN_RESULTS, query = "select c from Certificate c where c.statusIndex is not null"
    + " and ((c.showScore = false and c.credential like :score) or (c.showTimeSpent = false and c.credential like :time))")
@NamedQuery(name = Certificate.FIND_EXPIRING, query =
    "select c from Certificate c where c.expiresAt is not null and c.expiresAt <= :before and c.revokedAt is null")
public class Certificate extends TenantOwned {

  public static final String FIND_BY_CODE = "Certificate.findByCode";
  public static final String FIND_BY_COMPLETION = "Certificate.findByCompletion";
  public static final String FIND_BY_LEARNER = "Certificate.findByLearner";
  public static final String FIND_ALL = "Certificate.findAll";
  public static final String FIND_REVOKED = "Certificate.findRevoked";
  public static final String FIND_EXPIRING = "Certificate.findExpiring";
  public static final String FIND_LEGACY_STATUS = "Certificate.findLegacyStatus";
  public static final String FIND_UNCHOSEN_RESULTS = "Certificate.findUnchosenResults";

  @Id
  @Column(length = 36)
  private String id;

  @Embedded
  private VerificationCode code;

  @Column(name = "completion_id", nullable = false, length = 36)
  private String completionId;

  @Column(name = "account_id", nullable = false, length = 36)
  private String accountId;

  @Column(name = "learner_name", nullable = false, length = 200)
  private String learnerName;

  @Column(name = "course_id", nullable = false, length = 100)
  private String courseId;

  @Column(name = "course_title", nullable = false, length = 300)
  private String courseTitle;

  @Column(name = "course_version", nullable = false)
  private int courseVersion;

  @Column(name = "score_percent", nullable = false)
  private int scorePercent;

  @Column(name = "seconds_spent", nullable = false)
  private long secondsSpent;

  @Column(name = "completed_at", nullable = false)
  private Instant completedAt;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "revocation_reason", length = 40)
  private RevocationReason revocationReason;

  @Column(name = "revoked_by", length = 36)
  private String revokedBy;

  @Column(name = "credential", nullable = false, length = 32000)
  private String credential;

  /** This certificate's bit in the tenant's revocation status list; null only for certificates made without one. */
  @Column(name = "status_index")
  private Integer statusIndex;

  /** The learner chose to publish the final score (public page, PDF, credential); nobody else decides it. */
  @Column(name = "show_score", nullable = false)
  private boolean showScore;

  /** The learner chose to publish the time spent; a time under a minute is never shown (it would read "0 min"). */
  @Column(name = "show_time_spent", nullable = false)
  private boolean showTimeSpent;

  @Version
  private long version;

  protected Certificate() {}

  /** A certificate without a status list bit: no published status list can revoke its credential. */
  public Certificate(Achievement achievement, VerificationCode code, Instant issuedAt, Instant expiresAt) {
    this.id = UUID.randomUUID().toString();
    this.code = Objects.requireNonNull(code, "code");
    this.completionId = Objects.requireNonNull(achievement.completionId(), "completionId");
    this.accountId = Objects.requireNonNull(achievement.accountId(), "accountId");
    this.learnerName = Objects.requireNonNull(achievement.learnerName(), "learnerName");
    this.courseId = Objects.requireNonNull(achievement.courseId(), "courseId");
    this.courseTitle = Objects.requireNonNull(achievement.courseTitle(), "courseTitle");
    this.courseVersion = achievement.courseVersion();
    this.scorePercent = achievement.scorePercent();
    this.secondsSpent = achievement.secondsSpent();
    this.completedAt = Objects.requireNonNull(achievement.completedAt(), "completedAt");
    this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
    if (expiresAt != null && !expiresAt.isAfter(completedAt)) {
      throw new IllegalArgumentException("a certificate must expire after the completion it certifies");
    }
    this.expiresAt = expiresAt;
  }

  /** A certificate that owns bit {@code statusIndex} of its tenant's revocation status list. */
  public Certificate(Achievement achievement, VerificationCode code, int statusIndex, Instant issuedAt, Instant expiresAt) {
    this(achievement, code, issuedAt, expiresAt);
    if (statusIndex < 0) {
      throw new IllegalArgumentException("a status list index is >= 0, got " + statusIndex);
    }
    this.statusIndex = statusIndex;
  }

  /** What a completion achieved, as the certificate will state it. */
  public record Achievement(String completionId, String accountId, String learnerName, String courseId,
      String courseTitle, int courseVersion, int scorePercent, long secondsSpent, Instant completedAt) {}

  public CertificateStatus status(Instant now) {
    return statusOf(expiresAt, revokedAt, now);
  }

  /** The status rule on its own, for reports that read the two dates without loading certificates. */
  public static CertificateStatus statusOf(Instant expiresAt, Instant revokedAt, Instant now) {
    if (revokedAt != null) {
      return CertificateStatus.REVOKED;
    }
    if (expiresAt != null && !now.isBefore(expiresAt)) {
      return CertificateStatus.EXPIRED;
    }
    return CertificateStatus.VALID;
  }

  /** Revokes for good; a second revocation is refused so the first date and reason stay on record. */
  public void revoke(RevocationReason reason, String byAccountId, Instant at) {
    if (revokedAt != null) {
      throw new IllegalStateException("certificate " + code + " was already revoked on " + revokedAt);
    }
    this.revocationReason = Objects.requireNonNull(reason, "reason");
    this.revokedBy = Objects.requireNonNull(byAccountId, "byAccountId");
    this.revokedAt = Objects.requireNonNull(at, "at");
  }

  /**
   * The learner's choice of what the public sees besides name, course, dates and status (always shown).
   *
   * @return whether the choice changed, so the stored credential must be signed again
   */
  public boolean choosePublication(boolean score, boolean timeSpent) {
    boolean changed = score != showScore || timeSpent != showTimeSpent;
    this.showScore = score;
    this.showTimeSpent = timeSpent;
    return changed;
  }

  public boolean showsScore() {
    return showScore;
  }

  public boolean showsTimeSpent() {
    return showTimeSpent;
  }

  /** The score as the public page, the PDF and the credential state it: only when the learner chose to publish it. */
  public OptionalInt publicScore() {
    return showScore ? OptionalInt.of(scorePercent) : OptionalInt.empty();
  }

  /**
   * The time spent as the public sees it: only when the learner chose to publish it and at least a minute was
   * recorded; nothing recorded is simply not stated, never "0 min".
   */
  public Optional<Duration> publicTimeSpent() {
    return showTimeSpent && secondsSpent >= 60 ? Optional.of(Duration.ofSeconds(secondsSpent))
        : Optional.empty();
  }

  /** Stores the signed credential; signed once, right after issue, since its id is this certificate's URL. */
  public void attachCredential(String signedJson) {
    if (credential != null && !credential.isEmpty()) {
      throw new IllegalStateException("certificate " + code + " already has its credential");
    }
    this.credential = Objects.requireNonNull(signedJson);
  }

  /**
   * Replaces the stored credential by one signed again from this certificate as it is now: with its status list bit
   * (credentials signed before the W3C status list named a type that no context defines) and stating the score and
   * the time spent only as the learner chose. The bit, the dates and the facts it states do not change.
   */
  public void resignCredential(String signedJson) {
    if (statusIndex == null) {
      throw new IllegalStateException("certificate " + code + " has no status list bit to name");
    }
    this.credential = Objects.requireNonNull(signedJson);
  }

  /** @return this certificate's bit in the tenant's revocation status list, if it has one */
  public OptionalInt statusIndex() {
    return statusIndex == null ? OptionalInt.empty() : OptionalInt.of(statusIndex);
  }

  public String id() {
    return id;
  }

  public VerificationCode code() {
    return code;
  }

  public String completionId() {
    return completionId;
  }

  public String accountId() {
    return accountId;
  }

  public String learnerName() {
    return learnerName;
  }

  public String courseId() {
    return courseId;
  }

  public String courseTitle() {
    return courseTitle;
  }

  public int courseVersion() {
    return courseVersion;
  }

  public int scorePercent() {
    return scorePercent;
  }

  public Duration timeSpent() {
    return Duration.ofSeconds(secondsSpent);
  }

  public Instant completedAt() {
    return completedAt;
  }

  public Instant issuedAt() {
    return issuedAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant revokedAt() {
    return revokedAt;
  }

  public RevocationReason revocationReason() {
    return revocationReason;
  }

  public String credential() {
    return credential;
  }
}
