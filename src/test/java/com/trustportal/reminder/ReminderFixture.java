package com.trustportal.reminder;

import com.trustportal.catalog.entity.Course;
import com.trustportal.certificate.entity.Certificate;
import com.trustportal.certificate.entity.VerificationCode;
import com.trustportal.identity.entity.Account;
import com.trustportal.identity.entity.Role;
import com.trustportal.learning.entity.CourseCompletion;
import com.trustportal.learning.entity.CourseRound;
import com.trustportal.tenant.control.TenantData;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/** Test-only: accounts, completions and certificates of the current tenant, dated as a test needs them. */
@Stateless
public class ReminderFixture {

  @Inject @TenantData EntityManager em;

  public String account(String email, String name, Role role, String managerId) {
    Account account = new Account(email, name, role, null, Instant.now());
    if (managerId != null) {
      account.reportTo(em.find(Account.class, managerId));
    }
    em.persist(account);
    em.flush();
    return account.id();
  }

  /** Deactivates a test account so it frees its seat in the shared IT tenant. */
  public void deactivate(String accountId) {
    Account account = em.find(Account.class, accountId);
    if (account != null) {
      account.deactivate();
    }
  }

  /** The learner completed the first round of the course at {@code at}, with a certificate valid until {@code expires}. */
  public void completed(String accountId, Course course, Instant at, Instant expires) {
    CourseCompletion completion = new CourseCompletion(accountId, course.id(), course.version(), CourseRound.FIRST, 90,
        3600, at);
    em.persist(completion);
    em.flush();
    if (expires != null) {
      Certificate certificate = new Certificate(new Certificate.Achievement(completion.id(), accountId, "Test Learner",
          course.id(), course.title(), course.version(), 90, 3600, at), VerificationCode.generate(), at, expires);
      certificate.attachCredential("{}");
      em.persist(certificate);
      em.flush();
    }
  }

  /** How many reminder rows the database holds for an account: nothing but the table is asked. */
  public long reminderRows(String accountId) {
    return em.createQuery("select count(r) from Reminder r where r.accountId = :a", Long.class)
        .setParameter("a", accountId).getSingleResult();
  }
}
