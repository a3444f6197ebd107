package com.trustportal.certificate;

import com.trustportal.catalog.entity.Course;
import com.trustportal.certificate.control.CredentialIssuer;
import com.trustportal.certificate.entity.Certificate;
import com.trustportal.certificate.entity.CertificateCode;
import com.trustportal.certificate.entity.VerificationCode;
import com.trustportal.learning.entity.CourseCompleted;
import com.trustportal.learning.entity.CourseCompletion;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantData;
import com.trustportal.tenant.control.TenantDirectory;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Test-only: records a completion dated in the past, without announcing it, so a test can deliver
 * the completion event itself (twice, late, or for a completion two years old); or a certificate as
 * issued before the W3C status list.
 */
@Stateless
public class CompletionFixture {

  @Inject @TenantData EntityManager em;

  @PersistenceContext(unitName = "portal")
  EntityManager platform;

  @Inject CredentialIssuer credentials;
  @Inject TenantDirectory directory;

  /**
   * A certificate as the portal issued it before the W3C status list: it owns a status bit (given by the V10
   * migration) but its stored credential still names the old, undefined {@code 1EdTechRevocationList} status.
   */
  public Certificate legacyCertificate(String accountId, Course course, int statusIndex) {
    CourseCompletion completion = new CourseCompletion(accountId, course.id(), course.version(), 1, 90, 3600,
        Instant.now());
    em.persist(completion);
    em.flush(); // the certificate row refers to it, and no mapping tells EclipseLink the order
    Certificate certificate = new Certificate(new Certificate.Achievement(completion.id(), accountId, "Legacy Learner",
        course.id(), course.title(), course.version(), 90, 3600, completion.completedAt()), VerificationCode.generate(),
        statusIndex, Instant.now(), null);
    certificate.attachCredential("{\"credentialStatus\":{\"id\":\"x/revocations\",\"type\":\"1EdTechRevocationList\"}}");
    em.persist(certificate);
    platform.persist(new CertificateCode(certificate.code(), TenantContext.require()));
    return certificate;
  }

  /**
   * A certificate as the portal issued it before learners chose what to publish: its stored credential states the
   * score and the time spent, while the holder (like everyone then) has not chosen to publish either.
   */
  public Certificate signedBeforeThePublicationChoice(String accountId, Course course, int statusIndex) {
    CourseCompletion completion = new CourseCompletion(accountId, course.id(), course.version(), 1, 90, 3600,
        Instant.now());
    em.persist(completion);
    em.flush();
    Certificate certificate = new Certificate(new Certificate.Achievement(completion.id(), accountId, "Earlier Learner",
        course.id(), course.title(), course.version(), 90, 3600, completion.completedAt()), VerificationCode.generate(),
        statusIndex, Instant.now(), null);
    certificate.choosePublication(true, true);
    certificate.attachCredential(credentials.sign(certificate, directory.bySlug(TenantContext.require()).orElseThrow()));
    certificate.choosePublication(false, false);
    em.persist(certificate);
    platform.persist(new CertificateCode(certificate.code(), TenantContext.require()));
    return certificate;
  }

  public CourseCompleted completedAt(String accountId, Course course, int round, Instant at) {
    CourseCompletion completion = new CourseCompletion(accountId, course.id(), course.version(), round, 90, 3600, at);
    em.persist(completion);
    return new CourseCompleted(TenantContext.require(), completion.id(), accountId, course.id(), course.version(), 90,
        3600, at);
  }
}
