package com.trustportal.certificate.web;

import com.trustportal.certificate.boundary.Certificates;
import com.trustportal.certificate.boundary.RevocationRefused;
import com.trustportal.certificate.entity.RevocationReason;
import com.trustportal.certificate.entity.VerificationCode;
import com.trustportal.identity.web.CurrentUser;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The tenant admin's certificates page: every certificate of the organisation (or of one learner,
 * from the learner's record), with downloads and revocation with a reason.
 */
@Named
@ViewScoped
public class TenantCertificates implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Certificates certificates;
  @Inject CurrentUser user;
  @Inject FacesContext faces;

  private String learner;
  // every certificate of the tenant: grows with the tenant, so it is kept for this node's requests only and is no
  // part of the serialised session (after a fail-over the table fills again on the next load or revocation)
  private transient List<CertificateRow> rows = List.of();
  private String code;
  private RevocationReason reason = RevocationReason.ISSUED_IN_ERROR;

  public void load() {
    rows = certificates.all(user.get()).stream()
        .filter(c -> learner == null || learner.isBlank() || c.accountId().equals(learner))
        .map(c -> CertificateRow.of(c, certificates.status(c), "/admin")).toList();
  }

  public void revoke() {
    try {
      VerificationCode parsed = VerificationCode.parse(code)
          .orElseThrow(() -> new IllegalArgumentException("'" + code + "' is not a verification code"));
      certificates.revoke(user.get(), parsed, reason);
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
          "Certificate " + parsed.formatted() + " revoked (" + reason.label() + ").", null));
    } catch (IllegalArgumentException | RevocationRefused e) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    } catch (jakarta.ejb.EJBException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, cause.getMessage(), null));
    }
    load();
  }

  public RevocationReason[] getReasons() {
    return RevocationReason.values();
  }

  public List<CertificateRow> getRows() {
    return rows == null ? List.of() : rows;
  }

  public String getLearner() {
    return learner;
  }

  public void setLearner(String learner) {
    this.learner = learner;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public RevocationReason getReason() {
    return reason;
  }

  public void setReason(RevocationReason reason) {
    this.reason = reason;
  }

  /** Boundaries are transient (an EJB reference does not serialise): look them up again after a fail-over. */
  private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    com.trustportal.platform.web.Injection.restore(this);
  }
}
