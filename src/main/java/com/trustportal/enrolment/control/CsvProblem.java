package com.trustportal.enrolment.control;

/**
 * A problem in an uploaded CSV with its place.
 *
 * @param row        1-based row (header = 1); 0 = the whole file
 * @param column     1-based column; 0 = the whole row
 * @param columnName display name of the column, or null
 * @param message    human-readable description
 */
public record CsvProblem(int row, int column, String columnName, String message) {

  /** A problem concerning the whole file. */
  static CsvProblem file(String message) {
    return new CsvProblem(0, 0, null, message);
  }

  @Override
  public String toString() {
    if (row <= 0) {
      return "file: " + message;
    }
    StringBuilder sb = new StringBuilder("row ").append(row);
    if (column > 0) {
      sb.append(", column ").append(column);
      if (columnName != null && !columnName.isEmpty()) {
        sb.append(" (").append(columnName).append(')');
      }
    }
    return sb.append(": ").append(message).toString();
  }
}
