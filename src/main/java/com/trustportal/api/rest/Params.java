package com.trustportal.api.rest;

import jakarta.ws.rs.BadRequestException;

/** Query parameters read by hand, so a bad value is a 400 that names the parameter (JAX-RS would answer 404). */
final class Params {

  private Params() {}

  static int integer(String name, String value, int fallback, int min, int max) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed < min || parsed > max) {
        throw new BadRequestException(name + ": must be between " + min + " and " + max + ", was " + parsed);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new BadRequestException(name + ": not a whole number: '" + value + "'");
    }
  }

  /** An ISO date ({@code 2027-03-31}), or null when absent or blank. */
  static java.time.LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return java.time.LocalDate.parse(value.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new BadRequestException(name + ": a date like 2027-03-31; was '" + value + "'");
    }
  }
}
