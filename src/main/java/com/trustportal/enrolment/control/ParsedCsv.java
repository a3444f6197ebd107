package com.trustportal.enrolment.control;

import java.util.List;

/**
 * Result of parsing an enrolment CSV: the valid rows and all problems found.
 *
 * @param rows     valid rows, in file order
 * @param problems all problems, in file order
 */
public record ParsedCsv(List<LearnerRow> rows, List<CsvProblem> problems) {

  /** Copies both lists into unmodifiable lists. */
  public ParsedCsv {
    rows = List.copyOf(rows);
    problems = List.copyOf(problems);
  }

  /** @return true when there are no problems */
  public boolean ok() {
    return problems.isEmpty();
  }
}
