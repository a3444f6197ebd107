package com.trustportal.certificate.boundary;

import com.trustportal.audit.boundary.AuditTrail;
import com.trustportal.audit.entity.AuditEntry;
import com.trustportal.catalog.boundary.Catalog;
import com.trustportal.catalog.entity.Course;
import com.trustportal.certificate.control.CredentialIssuer;
import com.trustportal.certificate.credential.StatusEntry;
import com.trustportal.certificate.entity.Certificate;
import com.trustportal.certificate.entity.CertificateCode;
import com.trustportal.certificate.entity.CertificateStatus;
import com.trustportal.certificate.entity.RevocationReason;
import com.trustportal.certificate.entity.VerificationCode;
import com.trustportal.identity.entity.Account;
import com.trustportal.identity.entity.Role;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.learning.entity.CourseCompleted;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantData;
import com.trustportal.tenant.control.TenantDirectory;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Logger;

/**
 * Issues, finds and revokes the certificates of the current tenant. A certificate is issued once per
 * completion: the unique key on the completion decides when the completion event arrives twice or
 * two nodes race. The public look-up by code is the one entry without a tenant: it finds the tenant
 * in the platform index and then reads inside that tenant only.
 */
@Stateless
public class Certificates {

  private static final Logger LOG = Logger.getLogger("portal");

  @Inject @TenantData EntityManager em;

  @PersistenceContext(unitName = "portal")
  EntityManager platform;

  @Inject TenantDirectory directory;
  @Inject Catalog catalog;
  @Inject CredentialIssuer credentials;
  @Inject AuditTrail audit;
  @Resource SessionContext context;

  Clock clock = Clock.systemUTC();

  /** A course was completed (and committed): issue its certificate. */
  public void onCourseCompleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CourseCompleted completed) {
    TenantContext.runAs(completed.tenant(), () -> issueFor(completed));
  }

  /** The certificate of this completion, issuing it now if it has none yet. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Optional<Certificate> issueFor(CourseCompleted completed) {
    Certificates self = context.getBusinessObject(Certificates.class);
    try {
      self.ensureSigningKey();
    } catch (EJBException raced) {
      // another request created the tenant's key at the same moment: that key is the tenant's
    }
    Optional<Certificate> existing = self.byCompletion(completed.completionId());
    if (existing.isPresent()) {
      return existing;
    }
    try {
      return self.issueOnce(completed, self.allocateStatusIndex());
    } catch (EJBException raced) {
      // a parallel delivery of the same event issued it first (unique key): that one stands
      Optional<Certificate> winner = self.byCompletion(completed.completionId());
      if (winner.isEmpty()) {
        LOG.severe(() -> "Certificate for completion " + completed.completionId() + " could not be issued: " + raced);
      }
      return winner;
    }
  }

  /** Creates the tenant's signing key on first use, in its own transaction so a race loses only this step. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void ensureSigningKey() {
    credentials.key();
  }

  /**
   * Takes the tenant's next status list bit in a short transaction of its own, so the lock on the counter is not
   * held while the credential is signed. A bit whose certificate then loses a race stays unused, which is harmless.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int allocateStatusIndex() {
    return credentials.allocateStatusIndex();
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<Certificate> issueOnce(CourseCompleted completed, int statusIndex) {
    Optional<Certificate> existing = byCompletion(completed.completionId());
    if (existing.isPresent()) {
      return existing;
    }
    Account account = em.find(Account.class, completed.accountId());
    if (account == null) {
      return Optional.empty();
    }
    String tenant = TenantContext.require();
    TenantConfig config = directory.bySlug(tenant).orElseThrow();
    String title = catalog.course(tenant, completed.courseId()).map(Course::title).orElse(completed.courseId());
    Instant now = clock.instant();
    Certificate certificate = new Certificate(new Certificate.Achievement(completed.completionId(), account.id(),
        account.name(), completed.courseId(), title, completed.courseVersion(), completed.assessmentPercent(),
        completed.secondsSpent(), completed.at()), VerificationCode.generate(), statusIndex, now,
        expiry(config, completed.at()));
    certificate.attachCredential(credentials.sign(certificate, config));
    em.persist(certificate);
    platform.persist(new CertificateCode(certificate.code(), tenant));
    em.flush();
    platform.flush();
    LOG.info(() -> "Certificate " + certificate.code() + " issued in " + tenant + " for " + completed.courseId());
    return Optional.of(certificate);
  }

  private static Instant expiry(TenantConfig config, Instant completedAt) {
    int months = config.signer().validForMonths();
    return months == 0 ? null : completedAt.atZone(ZoneOffset.UTC).plusMonths(months).toInstant();
  }

  public Optional<Certificate> byCompletion(String completionId) {
    return em.createNamedQuery(Certificate.FIND_BY_COMPLETION, Certificate.class)
        .setParameter("completion", completionId).getResultStream().findFirst();
  }

  /** A certificate of the current tenant by its code; another tenant's code is simply not found. */
  public Optional<Certificate> byCode(VerificationCode code) {
    return em.createNamedQuery(Certificate.FIND_BY_CODE, Certificate.class)
        .setParameter("code", code.value()).getResultStream().findFirst();
  }

  /** The tenant that issued a code, from the platform index (for the public pages). */
  public Optional<String> issuingTenant(VerificationCode code) {
    return Optional.ofNullable(platform.find(CertificateCode.class, code.value())).map(CertificateCode::tenant);
  }

  /** The signed-in learner's certificates, newest first. */
  public List<Certificate> mine(SignedInUser user) {
    requireTenant(user);
    return ofLearner(user.accountId());
  }

  public List<Certificate> ofLearner(String accountId) {
    return em.createNamedQuery(Certificate.FIND_BY_LEARNER, Certificate.class).setParameter("account", accountId)
        .getResultList();
  }

  /** Every certificate of the tenant, for its admins. */
  public List<Certificate> all(SignedInUser admin) {
    requireAdmin(admin);
    return em.createNamedQuery(Certificate.FIND_ALL, Certificate.class).getResultList();
  }

  /** A certificate the user may download: their own, or any of their tenant when they are its admin. */
  public Optional<Certificate> forDownload(SignedInUser user, VerificationCode code) {
    requireTenant(user);
    return byCode(code).filter(c -> c.accountId().equals(user.accountId()) || user.has(Role.ADMIN));
  }

  /**
   * The holder's choice of whether the public verification page, the PDF and the signed credential state the final
   * score and the time spent (name, course, dates and status always). Only the learner who holds the certificate
   * decides: anyone else, admins included, is refused as if the code did not exist. The stored credential is signed
   * again when the choice changes, so a credential downloaded afterwards states what the learner chose; its status
   * list bit stays the same.
   */
  public Certificate choosePublication(SignedInUser learner, VerificationCode code, boolean score, boolean timeSpent) {
    requireTenant(learner);
    Certificate certificate = em.createNamedQuery(Certificate.FIND_BY_CODE, Certificate.class)
        .setParameter("code", code.value()).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream()
        .filter(c -> c.accountId().equals(learner.accountId())).findFirst()
        .orElseThrow(() -> new PublicationRefused("you hold no certificate " + code.formatted() + " in this organisation"));
    if (certificate.choosePublication(score, timeSpent)) {
      certificate.resignCredential(credentials.sign(certificate, directory.bySlug(TenantContext.require()).orElseThrow()));
      LOG.info(() -> "Certificate " + code + " in " + learner.tenant() + ": the holder publishes score " + score
          + ", time spent " + timeSpent);
    }
    return certificate;
  }

  /**
   * Revokes a certificate of the admin's tenant; the public page and the signed status list (its bit is set) show it
   * at once. The row is locked first, so of two revocations at once the second sees the first and is refused.
   */
  public Certificate revoke(SignedInUser admin, VerificationCode code, RevocationReason reason) {
    requireAdmin(admin);
    Certificate certificate = em.createNamedQuery(Certificate.FIND_BY_CODE, Certificate.class)
        .setParameter("code", code.value()).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
        .orElseThrow(() -> new RevocationRefused(RevocationRefused.Reason.NOT_FOUND,
            "no certificate " + code.formatted() + " in this organisation"));
    if (certificate.revokedAt() != null) {
      throw new RevocationRefused(RevocationRefused.Reason.ALREADY_REVOKED, "certificate " + code.formatted()
          + " was already revoked on " + certificate.revokedAt() + "; revocation is final");
    }
    certificate.revoke(reason, admin.accountId(), clock.instant());
    audit.record(admin, AuditEntry.Action.CERTIFICATE_REVOKED, "certificate " + code.formatted() + " of "
        + certificate.learnerName(), "reason: " + reason.label() + "; course: " + certificate.courseTitle());
    LOG.info(() -> "Certificate " + code + " revoked in " + admin.tenant() + " by " + admin.email() + ": " + reason);
    return certificate;
  }

  /** The tenant's revoked certificates, oldest revocation first. */
  public List<Certificate> revoked() {
    return em.createNamedQuery(Certificate.FIND_REVOKED, Certificate.class).getResultList();
  }

  /** The current tenant's signed revocation status list: the bits of its revoked certificates set. */
  public Optional<String> statusList() {
    List<Certificate> revoked = revoked();
    List<Integer> bits = revoked.stream().map(Certificate::statusIndex).filter(OptionalInt::isPresent)
        .map(OptionalInt::getAsInt).toList();
    Instant changedAt = revoked.isEmpty() ? null : revoked.get(revoked.size() - 1).revokedAt();
    return credentials.statusList(bits, changedAt);
  }

  /**
   * Re-signs the current tenant's credentials that were signed before the W3C status list (their status type is
   * defined by no context, so strict verifiers refuse them); returns how many. What they state is unchanged.
   */
  public int resignLegacyCredentials() {
    TenantConfig config = directory.bySlug(TenantContext.require()).orElseThrow();
    List<Certificate> legacy = em.createNamedQuery(Certificate.FIND_LEGACY_STATUS, Certificate.class)
        .setParameter("status", "%\"" + StatusEntry.TYPE + "\"%").getResultList();
    for (Certificate certificate : legacy) {
      certificate.resignCredential(credentials.sign(certificate, config));
    }
    return legacy.size();
  }

  /**
   * Re-signs the current tenant's credentials that state a score or a time spent their holder did not choose to
   * publish (signed before the choice existed, when both were always stated); returns how many.
   */
  public int resignUnchosenResults() {
    TenantConfig config = directory.bySlug(TenantContext.require()).orElseThrow();
    List<Certificate> unchosen = em.createNamedQuery(Certificate.FIND_UNCHOSEN_RESULTS, Certificate.class)
        .setParameter("score", "%#result-score\"%").setParameter("time", "%#result-time-spent\"%").getResultList();
    for (Certificate certificate : unchosen) {
      certificate.resignCredential(credentials.sign(certificate, config));
    }
    return unchosen.size();
  }

  /** Certificates that expire before {@code before} and are not revoked (recertification). */
  public List<Certificate> expiringBefore(Instant before) {
    return em.createNamedQuery(Certificate.FIND_EXPIRING, Certificate.class).setParameter("before", before)
        .getResultList();
  }

  public CertificateStatus status(Certificate certificate) {
    return certificate.status(clock.instant());
  }

  public Instant now() {
    return clock.instant();
  }

  private static void requireTenant(SignedInUser user) {
    SignedInUser.require(user, TenantContext.require(), Role.LEARNER, "not signed in to this organisation");
  }

  private static void requireAdmin(SignedInUser user) {
    SignedInUser.require(user, TenantContext.require(), Role.ADMIN, "only the organisation's admins manage certificates");
  }
}
