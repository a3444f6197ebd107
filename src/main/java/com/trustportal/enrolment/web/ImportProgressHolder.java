package com.trustportal.enrolment.web;

import com.trustportal.enrolment.control.ImportProgress;
import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;

/**
 * How far the admin's running check or import has got, per session: the import request writes it while
 * it runs, and the page's progress bar reads it through {@link ImportProgressServlet} in parallel.
 */
@SessionScoped
public class ImportProgressHolder implements ImportProgress, Serializable {

  private static final long serialVersionUID = 1L;

  private volatile boolean importing;
  private volatile String phase = "idle";
  private volatile int done;
  private volatile int total;

  /** A new check ({@code importing} false) or import begins. */
  public void begin(boolean importing) {
    this.importing = importing;
    at("reading", 0, 0);
  }

  public void end() {
    at("done", 1, 1);
  }

  @Override
  public void at(String phase, int done, int total) {
    this.phase = phase;
    this.done = done;
    this.total = total;
  }

  /** 0-100: checking is the whole of a preview, and the first 30 % of an import (writing the rest). */
  public int percent() {
    int of = total == 0 ? 0 : (int) (100L * done / total);
    return switch (phase) {
      case "done" -> 100;
      case "checking" -> importing ? of * 30 / 100 : of;
      case "writing" -> 30 + of * 70 / 100;
      default -> 0;
    };
  }

  public String json() {
    return "{\"phase\":\"" + phase + "\",\"done\":" + done + ",\"total\":" + total + ",\"percent\":" + percent() + "}";
  }
}
