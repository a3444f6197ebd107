package com.trustportal.enrolment.control;

import java.util.List;
import java.util.Map;

/**
 * Result of parsing an enrolment CSV: the valid rows and all problems found.
 *
 * @param rows     valid rows, in file order
 * @param problems all problems, in file order
 * @param columns  where each known column is in the file (its label, e.g. "manager email", to its 1-based number),
 *                 so later checks (unknown manager, seat limit) can name row and column too
 */
public record ParsedCsv(List<LearnerRow> rows, List<CsvProblem> problems, Map<String, Integer> columns) {

  /** Copies the lists and the map into unmodifiable ones. */
  public ParsedCsv {
    rows = List.copyOf(rows);
    problems = List.copyOf(problems);
    columns = Map.copyOf(columns);
  }

  /** A result without column positions (the file could not be read that far). */
  public ParsedCsv(List<LearnerRow> rows, List<CsvProblem> problems) {
    this(rows, problems, Map.of());
  }

  /** The 1-based column of a known column label, or 0 when the file has no such column. */
  public int column(String label) {
    return columns.getOrDefault(label, 0);
  }

  /** @return true when there are no problems */
  public boolean ok() {
    return problems.isEmpty();
  }
}
