package com.trustportal.certificate.entity;

/** Why a tenant admin revoked a certificate: a category shown publicly, never free text. */
public enum RevocationReason {
  ISSUED_IN_ERROR("Issued in error"),
  ACADEMIC_MISCONDUCT("Assessment misconduct"),
  SUPERSEDED("Superseded by a newer certificate"),
  LEFT_ORGANISATION("Holder left the organisation"),
  OTHER("Other");

  private final String label;

  RevocationReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
