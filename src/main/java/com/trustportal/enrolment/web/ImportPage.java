package com.trustportal.enrolment.web;

import com.trustportal.enrolment.boundary.Enrolment;
import com.trustportal.enrolment.boundary.ImportRefused;
import com.trustportal.enrolment.control.CsvProblem;
import com.trustportal.enrolment.control.LearnerCsv;
import com.trustportal.enrolment.control.StagedUploads;
import com.trustportal.identity.web.CurrentUser;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;

/**
 * The admin's CSV import: upload, preview every row and problem, then import all or nothing. The file waits on disk
 * ({@link StagedUploads}) between preview and import, and is checked again on import; the view keeps only its id, so
 * the session stays small and serialisable. The preview and the invitation links are kept for this node's requests
 * only (transient): after a fail-over the admin checks the file again, and the links are shown once anyway.
 */
@Named
@ViewScoped
public class ImportPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Enrolment enrolment;
  @Inject CurrentUser user;
  @Inject FacesContext faces;
  @Inject ImportProgressHolder progress;

  @Inject StagedUploads staged;

  private transient Part file;
  private String stagedId;
  private String fileName;
  private transient Enrolment.Preview preview;
  private transient Enrolment.Imported imported;
  private transient List<Link> links = List.of();

  /** An invitation link to copy. */
  public record Link(String email, String name, String url) implements Serializable {}

  public void upload() {
    imported = null;
    links = List.of();
    preview = null;
    discard();
    if (file == null || file.getSize() == 0) {
      error("Choose a CSV file first.");
      return;
    }
    if (file.getSize() > LearnerCsv.MAX_BYTES) {
      String refused = LearnerCsv.tooLarge(file.getSize());
      error(Character.toUpperCase(refused.charAt(0)) + refused.substring(1) + ".");
      return;
    }
    byte[] content;
    try (InputStream in = file.getInputStream()) {
      stagedId = staged.stage(in, LearnerCsv.MAX_BYTES);
      fileName = file.getSubmittedFileName();
      content = staged.read(stagedId).orElseThrow(() -> new IOException("the staged copy is gone"));
    } catch (IOException e) {
      discard();
      error("The file could not be read: " + e.getMessage());
      return;
    }
    progress.begin(false);
    try {
      preview = enrolment.preview(user.get(), content, progress);
    } finally {
      progress.end();
    }
  }

  public void confirm() {
    byte[] content = stagedId == null ? null : staged.read(stagedId).orElse(null);
    if (content == null || preview == null || !preview.ok()) {
      error(content == null && stagedId != null
          ? "The uploaded file has expired; upload it again."
          : "Upload a file without problems first.");
      return;
    }
    progress.begin(true);
    try {
      imported = enrolment.confirm(user.get(), content, progress);
      links = imported.invitations().stream()
          .map(i -> new Link(i.email(), i.name(), InvitationLinks.of(faces, i.token()))).toList();
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Imported: " + imported.created()
          + " learner(s) created, " + imported.updated() + " updated, " + imported.unchanged() + " unchanged.", null));
      preview = null;
      discard();
    } catch (ImportRefused refused) {
      preview = refused.preview();
      error("Nothing was imported: the file has problems now (the accounts changed since the preview).");
    } catch (EJBException e) {
      error("Nothing was imported: " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
    } finally {
      progress.end();
    }
  }

  /** The view ends (navigation away, session end): its staged file is not needed any more. */
  @PreDestroy
  void discard() {
    if (stagedId != null) {
      staged.delete(stagedId);
      stagedId = null;
    }
  }

  private void error(String message) {
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  public List<String> getProblems() {
    return preview == null ? List.of() : preview.problems().stream().map(CsvProblem::toString).toList();
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }

  public String getFileName() {
    return fileName;
  }

  public Enrolment.Preview getPreview() {
    return preview;
  }

  public Enrolment.Imported getImported() {
    return imported;
  }

  public List<Link> getLinks() {
    return links == null ? List.of() : links;
  }

  /** Boundaries are transient (an EJB reference does not serialise): look them up again after a fail-over. */
  private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    com.trustportal.platform.web.Injection.restore(this);
  }
}
