package com.trustportal.certificate.web;

import com.trustportal.certificate.entity.Certificate;
import com.trustportal.certificate.entity.CertificateStatus;
import java.io.Serializable;

/** One certificate as the learner's and the admin's lists show it, with the links that go with it. */
public record CertificateRow(String code, String learnerName, String accountId, String courseTitle, int courseVersion,
    String issued, String expires, String status, boolean revocable, String verifyHref, String pdfHref,
    String credentialHref) implements Serializable {

  static CertificateRow of(Certificate c, CertificateStatus status, String area) {
    String code = c.code().formatted();
    return new CertificateRow(code, c.learnerName(), c.accountId(), c.courseTitle(), c.courseVersion(),
        VerificationPage.date(c.issuedAt()), c.expiresAt() == null ? "No expiry" : VerificationPage.date(c.expiresAt()),
        status.label() + (status == CertificateStatus.REVOKED ? " (" + c.revocationReason().label() + ")" : ""),
        status != CertificateStatus.REVOKED, "/verify/" + code, area + "/certificates/" + code + ".pdf",
        "/verify/" + code + "/credential.json");
  }
}
