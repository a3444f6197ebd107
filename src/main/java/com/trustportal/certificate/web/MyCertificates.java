package com.trustportal.certificate.web;

import com.trustportal.certificate.boundary.Certificates;
import com.trustportal.identity.web.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The learner's certificates on "My learning": status, PDF, credential and the public verification link. */
@Named
@RequestScoped
public class MyCertificates {

  @Inject Certificates certificates;
  @Inject CurrentUser user;

  private List<CertificateRow> rows = List.of();

  public void load() {
    rows = certificates.mine(user.get()).stream()
        .map(c -> CertificateRow.of(c, certificates.status(c), "/learn")).toList();
  }

  public List<CertificateRow> getRows() {
    return rows;
  }
}
