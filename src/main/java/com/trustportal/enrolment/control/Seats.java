package com.trustportal.enrolment.control;

import com.trustportal.identity.entity.Account;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.entity.Tenant;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * The seat limit's one mechanism, for every change that takes a seat (an admin adding or reactivating a learner, a
 * CSV import, an account created by single sign-on or by SCIM): take the tenant's seat lock, then count. Each caller
 * says "no seat" in its own words (a form message, a SCIM error, a sign-in refusal).
 */
public final class Seats {

  private Seats() {}

  /**
   * Takes the tenant's seat lock (its row in {@code tenant}) until the transaction ends: every change that takes a
   * seat counts the seats under it, so two at once cannot both take the last one.
   */
  public static void lock(EntityManager em) {
    em.find(Tenant.class, TenantContext.require(), LockModeType.PESSIMISTIC_WRITE);
  }

  /** Seats in use: active accounts that learn (learners and managers). */
  public static long used(EntityManager em) {
    return em.createNamedQuery(Account.COUNT_SEATS, Long.class).getSingleResult();
  }

  /** Takes the seat lock and says whether one more seat is free of {@code seats}. */
  public static boolean lockAndHasFree(EntityManager em, int seats) {
    lock(em);
    return used(em) < seats;
  }
}
