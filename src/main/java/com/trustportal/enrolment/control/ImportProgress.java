package com.trustportal.enrolment.control;

/**
 * Where an import of a large file has got, reported every few hundred rows so the page can show a real
 * progress bar while the request runs. Phases: "reading", "checking", "writing".
 */
@FunctionalInterface
public interface ImportProgress {

  ImportProgress NONE = (phase, done, total) -> {};

  /** How often a long loop reports. */
  int EVERY = 250;

  void at(String phase, int done, int total);
}
