package com.trustportal.certificate.entity;

/** What the verification page, the revocation list and the learner's view all say of a certificate. */
public enum CertificateStatus {
  VALID("Valid"),
  EXPIRED("Expired"),
  REVOKED("Revoked");

  private final String label;

  CertificateStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
