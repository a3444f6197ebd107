package com.trustportal.scim.control;

import com.trustportal.identity.entity.Account;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantDirectory;
import com.trustportal.tenant.entity.Tenant;
import de.captaingoldfish.scim.sdk.common.exceptions.ConflictException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * The seat limit, as the learner directory applies it: the seats are counted under the tenant's row lock, so
 * an identity provider creating users in parallel (Entra does) cannot pass the limit between count and insert.
 */
final class Seats {

  private Seats() {}

  static void requireFree(EntityManager em, TenantDirectory directory) {
    em.find(Tenant.class, TenantContext.require(), LockModeType.PESSIMISTIC_WRITE);
    TenantConfig tenant = directory.bySlug(TenantContext.require()).orElseThrow();
    long used = em.createNamedQuery(Account.COUNT_SEATS, Long.class).getSingleResult();
    if (used >= tenant.seats()) {
      throw new ConflictException("active: seat limit reached: all " + tenant.seats() + " seats of " + tenant.name()
          + " are in use; deactivate a user first or ask for more seats", null, null);
    }
  }
}
