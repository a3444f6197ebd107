package com.trustportal.tenant.control;

/** What is wrong with a tenant file, and exactly where: file, 1-based line, and field. */
public record TenantProblem(String file, int line, String field, String message) {

  @Override
  public String toString() {
    return file + ":" + line + ": " + (field.isEmpty() ? "" : field + ": ") + message;
  }
}
