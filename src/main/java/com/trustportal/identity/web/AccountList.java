package com.trustportal.identity.web;

import com.trustportal.identity.boundary.Accounts;
import com.trustportal.identity.entity.Account;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The tenant admin's list of the tenant's accounts (read-only until the enrolment feature). */
@Named
@RequestScoped
public class AccountList {

  @Inject Accounts accounts;

  private List<Account> all = List.of();

  public void load() {
    all = accounts.all();
  }

  public List<Account> getAll() {
    return all;
  }
}
