package com.trustportal.enrolment.control;

import java.time.LocalDate;

/**
 * One valid data row of an enrolment CSV.
 *
 * @param row          the 1-based line number in the file as a spreadsheet shows it (header is row 1)
 * @param email        lower-cased and trimmed
 * @param firstName    trimmed
 * @param lastName     trimmed
 * @param team         trimmed, or null
 * @param managerEmail lower-cased and trimmed, or null
 * @param dueDate      or null
 */
public record LearnerRow(int row, String email, String firstName, String lastName, String team, String managerEmail,
    LocalDate dueDate) {
}
