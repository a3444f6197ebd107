package com.trustportal.enrolment;

import com.trustportal.enrolment.entity.Invitation;
import com.trustportal.tenant.control.TenantData;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;

/** Test-only: an invitation issued in the past (to see expiry without waiting a week). */
@Stateless
public class EnrolmentFixture {

  @Inject @TenantData EntityManager em;

  public String invitationIssuedAt(String accountId, Instant at) {
    Invitation.Issued issued = Invitation.issue(accountId, at, Invitation.VALID_FOR);
    em.persist(issued.invitation());
    return issued.token();
  }

  public long invitationsOf(String accountId) {
    return em.createQuery("select count(i) from Invitation i where i.accountId = :a", Long.class)
        .setParameter("a", accountId).getSingleResult();
  }

  public static Duration week() {
    return Invitation.VALID_FOR;
  }
}
