package com.trustportal.identity;

import com.trustportal.identity.entity.Account;
import com.trustportal.identity.entity.PasswordReset;
import com.trustportal.tenant.control.TenantData;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;

/** Test-only: accounts and reset links of the current tenant, in states a test cannot wait for. */
@Stateless
public class PasswordResetFixture {

  @Inject @TenantData EntityManager em;

  /** A link for the account that was issued {@code ago} (more than an hour: expired); returns its token. */
  public String linkIssued(String email, Duration ago) {
    PasswordReset.Issued issued = PasswordReset.issue(account(email).id(), Instant.now().minus(ago));
    em.persist(issued.reset());
    return issued.token();
  }

  public void deactivate(String email) {
    account(email).deactivate();
  }

  public long securityVersion(String email) {
    return account(email).securityVersion();
  }

  private Account account(String email) {
    return em.createNamedQuery(Account.FIND_BY_EMAIL, Account.class).setParameter("email", email).getSingleResult();
  }
}
