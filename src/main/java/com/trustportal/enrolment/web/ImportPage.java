package com.trustportal.enrolment.web;

import com.trustportal.enrolment.boundary.Enrolment;
import com.trustportal.enrolment.boundary.ImportRefused;
import com.trustportal.enrolment.control.CsvProblem;
import com.trustportal.enrolment.control.LearnerCsv;
import com.trustportal.identity.web.CurrentUser;
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
 * The admin's CSV import: upload, preview every row and problem, then import all or nothing. The file
 * is kept in the view between preview and import, and checked again on import.
 */
@Named
@ViewScoped
public class ImportPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Enrolment enrolment;
  @Inject CurrentUser user;
  @Inject FacesContext faces;
  @Inject ImportProgressHolder progress;

  private transient Part file;
  private byte[] content;
  private String fileName;
  private Enrolment.Preview preview;
  private Enrolment.Imported imported;
  private List<Link> links = List.of();

  /** An invitation link to copy. */
  public record Link(String email, String name, String url) implements Serializable {}

  public void upload() {
    imported = null;
    links = List.of();
    preview = null;
    if (file == null || file.getSize() == 0) {
      error("Choose a CSV file first.");
      return;
    }
    if (file.getSize() > LearnerCsv.MAX_BYTES) {
      content = null;
      String refused = LearnerCsv.tooLarge(file.getSize());
      error(Character.toUpperCase(refused.charAt(0)) + refused.substring(1) + ".");
      return;
    }
    try (InputStream in = file.getInputStream()) {
      content = in.readNBytes(LearnerCsv.MAX_BYTES + 1);
      fileName = file.getSubmittedFileName();
    } catch (IOException e) {
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
    if (content == null || preview == null || !preview.ok()) {
      error("Upload a file without problems first.");
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
      content = null;
    } catch (ImportRefused refused) {
      preview = refused.preview();
      error("Nothing was imported: the file has problems now (the accounts changed since the preview).");
    } catch (EJBException e) {
      error("Nothing was imported: " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
    } finally {
      progress.end();
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
    return links;
  }
}
