package com.trustportal.audit.boundary;

import com.trustportal.audit.entity.AuditEntry;
import com.trustportal.identity.entity.Role;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantData;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;

/**
 * Records admin changes in the caller's transaction (a change and its entry commit or roll back
 * together) and shows them to the tenant's admins, newest first. There is no update or delete.
 */
@Stateless
public class AuditTrail {

  @Inject @TenantData EntityManager em;

  Clock clock = Clock.systemUTC();

  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void record(SignedInUser actor, AuditEntry.Action action, String subject, String detail) {
    em.persist(new AuditEntry(clock.instant(), actor == null ? null : actor.accountId(),
        actor == null ? "system" : actor.email(), action, subject, detail));
  }

  /** A page of the tenant's trail, for its admins only. */
  public List<AuditEntry> page(SignedInUser admin, int first, int max) {
    requireAdmin(admin);
    return em.createNamedQuery(AuditEntry.FIND_ALL, AuditEntry.class).setFirstResult(first).setMaxResults(max)
        .getResultList();
  }

  public long count(SignedInUser admin) {
    requireAdmin(admin);
    return em.createNamedQuery(AuditEntry.COUNT, Long.class).getSingleResult();
  }

  private static void requireAdmin(SignedInUser user) {
    SignedInUser.require(user, TenantContext.require(), Role.ADMIN, "only the organisation's admins see its audit trail");
  }
}
