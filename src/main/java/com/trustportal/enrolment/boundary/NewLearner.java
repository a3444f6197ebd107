package com.trustportal.enrolment.boundary;

import com.trustportal.identity.entity.Role;
import java.time.LocalDate;

/**
 * One learner as an admin types them into the form (or the REST API sends them): the same fields as a
 * row of the CSV import, with the name in one field. {@code managerEmail}, {@code team} and {@code due}
 * may be null; {@code due} becomes the due date of every course the organisation offers.
 */
public record NewLearner(String email, String name, String team, String managerEmail, Role role, LocalDate due) {}
