package com.trustportal.audit.web;

import com.trustportal.audit.boundary.AuditTrail;
import com.trustportal.audit.entity.AuditEntry;
import com.trustportal.identity.web.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The tenant admin's read-only audit trail, newest first. */
@Named
@RequestScoped
public class AuditView {

  private static final int SHOWN = 1_000;
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  @Inject AuditTrail trail;
  @Inject CurrentUser user;

  private List<AuditEntry> entries = List.of();
  private long total;

  public void load() {
    entries = trail.page(user.get(), 0, SHOWN);
    total = trail.count(user.get());
  }

  public String at(AuditEntry entry) {
    return AT.format(entry.at());
  }

  public List<AuditEntry> getEntries() {
    return entries;
  }

  public long getTotal() {
    return total;
  }
}
