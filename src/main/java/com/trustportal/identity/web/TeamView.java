package com.trustportal.identity.web;

import com.trustportal.identity.boundary.Accounts;
import com.trustportal.identity.entity.Account;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** A manager's direct reports: their own team only. */
@Named
@RequestScoped
public class TeamView {

  @Inject Accounts accounts;
  @Inject CurrentUser user;

  private List<Account> team = List.of();

  public void load() {
    team = accounts.team(user.get().accountId());
  }

  public List<Account> getTeam() {
    return team;
  }
}
