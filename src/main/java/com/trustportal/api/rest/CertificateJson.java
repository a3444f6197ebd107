package com.trustportal.api.rest;

import com.trustportal.certificate.entity.Certificate;
import com.trustportal.certificate.entity.CertificateStatus;
import java.time.Instant;

/** A certificate as the API shows it, with the public page anyone can verify it on. */
public record CertificateJson(String code, String learnerId, String learnerName, String courseId, String courseTitle,
    int courseVersion, int scorePercent, Instant completedAt, Instant issuedAt, Instant expiresAt, String status,
    Instant revokedAt, String revocationReason, String verifyUrl) {

  static CertificateJson of(Certificate c, CertificateStatus status, String verifyUrl) {
    return new CertificateJson(c.code().formatted(), c.accountId(), c.learnerName(), c.courseId(), c.courseTitle(),
        c.courseVersion(), c.scorePercent(), c.completedAt(), c.issuedAt(), c.expiresAt(), status.name().toLowerCase(
            java.util.Locale.ROOT), c.revokedAt(), c.revocationReason() == null ? null : c.revocationReason().name(),
        verifyUrl);
  }
}
