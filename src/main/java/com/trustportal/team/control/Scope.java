package com.trustportal.team.control;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Whose figures a read covers: a manager's direct reports, a given set of accounts (a page of a table), or the whole
 * tenant. The tenant itself is never part of it: the tenant-bound EntityManager adds that to every query.
 */
public final class Scope {

  private final String managerId;
  private final List<String> accountIds;

  private Scope(String managerId, List<String> accountIds) {
    this.managerId = managerId;
    this.accountIds = accountIds;
  }

  public static Scope tenant() {
    return new Scope(null, null);
  }

  public static Scope directReportsOf(String managerId) {
    return new Scope(Objects.requireNonNull(managerId), null);
  }

  public static Scope accounts(Collection<String> accountIds) {
    return new Scope(null, List.copyOf(accountIds));
  }

  /** A JPQL condition (starting with " and") on an account id path, or nothing for the whole tenant. */
  String on(String accountIdPath) {
    if (managerId != null) {
      return " and " + accountIdPath + " in (select s.id from Account s where s.manager.id = :scope)";
    }
    return accountIds == null ? "" : " and " + accountIdPath + " in :scope";
  }

  void bind(jakarta.persistence.Query query) {
    if (managerId != null) {
      query.setParameter("scope", managerId);
    } else if (accountIds != null) {
      query.setParameter("scope", accountIds);
    }
  }

  boolean isEmpty() {
    return accountIds != null && accountIds.isEmpty();
  }
}
