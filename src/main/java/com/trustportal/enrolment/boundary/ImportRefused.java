package com.trustportal.enrolment.boundary;

import jakarta.ejb.ApplicationException;

/** The file has problems: nothing was written (the transaction rolls back). */
@ApplicationException(rollback = true)
public class ImportRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Enrolment.Preview preview;

  public ImportRefused(Enrolment.Preview preview) {
    super(preview.problems().size() + " problem(s) in the file; nothing was imported");
    this.preview = preview;
  }

  public Enrolment.Preview preview() {
    return preview;
  }
}
