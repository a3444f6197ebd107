package com.trustportal.certificate.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * Platform-level index from a verification code to the tenant that issued it. The public page has
 * only the code; it learns the tenant here and then reads the certificate inside that tenant, through
 * the same isolated persistence as every other tenant page. Holds no personal data.
 */
@Entity
@Table(name = "certificate_code")
public class CertificateCode {

  @Id
  @Column(name = "code", length = 32)
  private String code;

  @Column(name = "tenant_id", nullable = false, length = 40)
  private String tenant;

  protected CertificateCode() {}

  public CertificateCode(VerificationCode code, String tenant) {
    this.code = code.value();
    this.tenant = Objects.requireNonNull(tenant);
  }

  public String tenant() {
    return tenant;
  }
}
