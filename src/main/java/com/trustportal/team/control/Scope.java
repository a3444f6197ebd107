package com.trustportal.team.control;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Whose figures a read covers: a given set of accounts (a manager's direct reports, a page of a table), or the whole
 * tenant. The tenant itself is never part of it: the tenant-bound EntityManager adds that to every query. The ids
 * are passed as a list rather than as a subquery: then the databases look the rows up by the (tenant, account) key
 * instead of scanning every learner's progress.
 */
public final class Scope {

  private final List<String> accountIds;

  private Scope(List<String> accountIds) {
    this.accountIds = accountIds;
  }

  public static Scope tenant() {
    return new Scope(null);
  }

  public static Scope accounts(Collection<String> accountIds) {
    return new Scope(List.copyOf(Objects.requireNonNull(accountIds)));
  }

  /** A JPQL condition (starting with " and") on an account id path, or nothing for the whole tenant. */
  String on(String accountIdPath) {
    return accountIds == null ? "" : " and " + accountIdPath + " in :scope";
  }

  void bind(jakarta.persistence.Query query) {
    if (accountIds != null) {
      query.setParameter("scope", accountIds);
    }
  }

  boolean isTenant() {
    return accountIds == null;
  }

  boolean isEmpty() {
    return accountIds != null && accountIds.isEmpty();
  }
}
