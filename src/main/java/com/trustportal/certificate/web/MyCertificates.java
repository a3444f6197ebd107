package com.trustportal.certificate.web;

import com.trustportal.certificate.boundary.Certificates;
import com.trustportal.certificate.boundary.PublicationRefused;
import com.trustportal.certificate.entity.Certificate;
import com.trustportal.certificate.entity.VerificationCode;
import com.trustportal.identity.web.CurrentUser;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The learner's certificates on "My learning": status, PDF, credential and the public verification link, and for
 * each one the learner's choice of whether the public also sees the score and the time spent.
 */
@Named
@ViewScoped
public class MyCertificates implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Certificates certificates;
  @Inject transient CurrentUser user;
  @Inject transient FacesContext faces;

  private List<CertificateRow> rows = List.of();
  private final Map<String, Boolean> showScore = new HashMap<>();
  private final Map<String, Boolean> showTimeSpent = new HashMap<>();
  private final Map<String, String> publicSees = new HashMap<>();

  public void load() {
    List<Certificate> mine = certificates.mine(user.get());
    rows = mine.stream().map(c -> CertificateRow.of(c, certificates.status(c), "/learn")).toList();
    mine.forEach(this::remember);
  }

  /** Saves the choice ticked on one certificate's form. */
  public void publish(String code) {
    try {
      VerificationCode parsed = VerificationCode.parse(code)
          .orElseThrow(() -> new PublicationRefused("'" + code + "' is not a verification code"));
      Certificate saved = certificates.choosePublication(user.get(), parsed, Boolean.TRUE.equals(showScore.get(code)),
          Boolean.TRUE.equals(showTimeSpent.get(code)));
      remember(saved);
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Saved. " + publicSees.get(code), null));
    } catch (PublicationRefused e) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    } catch (EJBException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Not saved: " + cause.getMessage(), null));
    }
  }

  private void remember(Certificate c) {
    String code = c.code().formatted();
    showScore.put(code, c.showsScore());
    showTimeSpent.put(code, c.showsTimeSpent());
    publicSees.put(code, publicSees(c));
  }

  /** What the verification page, the PDF and the credential state now, in one sentence. */
  static String publicSees(Certificate c) {
    List<String> shown = new java.util.ArrayList<>(List.of("your name", "the course", "the dates"));
    c.publicScore().ifPresent(score -> shown.add("your score"));
    c.publicTimeSpent().ifPresent(time -> shown.add("your time spent"));
    String sentence = "The public sees " + String.join(", ", shown) + " and whether the certificate is valid.";
    return c.showsTimeSpent() && c.publicTimeSpent().isEmpty()
        ? sentence + " No learning time was recorded, so none is shown." : sentence;
  }

  public List<CertificateRow> getRows() {
    return rows;
  }

  public Map<String, Boolean> getShowScore() {
    return showScore;
  }

  public Map<String, Boolean> getShowTimeSpent() {
    return showTimeSpent;
  }

  public Map<String, String> getPublicSees() {
    return publicSees;
  }

  /** After a session moved between nodes: the services are looked up again (the view keeps rows and choices). */
  private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    com.trustportal.platform.web.Injection.restore(this);
  }
}
