package com.trustportal.learning;

import com.trustportal.learning.entity.StepProgress;
import com.trustportal.tenant.control.TenantData;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Test-only boundary: counts the rows the progress boundary's sets would hide, through @TenantData. */
@Stateless
public class ProgressProbe {

  @Inject @TenantData EntityManager em;

  public long rows(String accountId) {
    return em.createQuery("select count(p) from StepProgress p where p.accountId = :a", Long.class)
        .setParameter("a", accountId).getSingleResult();
  }

  public long rows(String accountId, String stepId) {
    return em.createQuery("select count(p) from StepProgress p where p.accountId = :a and p.stepId = :s", Long.class)
        .setParameter("a", accountId).setParameter("s", stepId).getSingleResult();
  }

  /** Asserts the entity is mapped to the table the migration made (a wrong column fails here, not in production). */
  public StepProgress any(String accountId) {
    return em.createQuery("select p from StepProgress p where p.accountId = :a", StepProgress.class)
        .setParameter("a", accountId).setMaxResults(1).getResultStream().findFirst().orElse(null);
  }
}
