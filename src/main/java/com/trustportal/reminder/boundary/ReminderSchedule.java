package com.trustportal.reminder.boundary;

import com.trustportal.platform.DatabaseOutage;
import com.trustportal.platform.Mailer;
import com.trustportal.platform.Settings;
import com.trustportal.platform.cluster.JobClaims;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantDirectory;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Runs the reminders every hour, tenant by tenant, from {@code PORTAL_REMINDERS_HOUR} (UTC) on: the first run of a
 * day sends that day's reminders, the first run of a week the digests, later runs find them recorded and send only
 * what became due or failed before. {@code PORTAL_REMINDERS=off} stops it. A tenant that fails is logged and does
 * not stop the others. The timer ticks every minute; in a cluster, each hour's run is made by the one node that
 * claims the hour at its first tick ({@link JobClaims#claimThisHour}), the others skip that hour. A node that
 * starts mid-hour tries within a minute, and a claim the database refused (an outage) is tried again a minute
 * later, not an hour later.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReminderSchedule {

  private static final Logger LOG = Logger.getLogger("portal");

  @Inject TenantDirectory directory;
  @Inject Reminders reminders;
  @Inject Mailer mailer;
  @Inject JobClaims claims;

  /** The name of this job's runs in {@code job_claim}. */
  public static final String JOB = "reminders";

  Clock clock = Clock.systemUTC();
  private boolean toldNoSmtp;

  @Schedule(hour = "*", minute = "*", persistent = false)
  public void hourly() {
    Instant now = clock.instant();
    if (!Settings.remindersOn() || now.atZone(ZoneOffset.UTC).getHour() < Settings.remindersHour()) {
      return;
    }
    if (!mailer.enabled()) {
      if (!toldNoSmtp) {
        toldNoSmtp = true; // once per node: the setting does not change while it runs
        LOG.info("Reminders: no SMTP server (PORTAL_SMTP_HOST), so no reminder or digest is sent");
      }
      return;
    }
    if (claimed(now)) {
      runAll(now);
    }
  }

  /** Whether this node runs this hour's reminders: one node per cluster does (JobClaims), the others skip it. */
  private boolean claimed(Instant now) {
    try {
      return claims.claimThisHour(JOB, now);
    } catch (RuntimeException e) {
      if (DatabaseOutage.is(e)) {
        LOG.warning("Reminders: database unreachable, this hour's run is not claimed; tried again in a minute");
        return false;
      }
      throw e;
    }
  }

  /** One run over every tenant as of {@code now}; returns what was done per tenant (a failed tenant is missing). */
  public Map<String, Reminders.Run> runAll(Instant now) {
    Map<String, Reminders.Run> runs = new LinkedHashMap<>();
    for (TenantConfig tenant : directory.all()) {
      try {
        Reminders.Run run = TenantContext.callAsUnchecked(tenant.slug(),
            () -> reminders.remindLearners(now).plus(reminders.sendDigests(now)));
        runs.put(tenant.slug(), run);
        if (run.sent() + run.failed() + run.notSent() > 0) {
          LOG.info(() -> "Tenant " + tenant.slug() + ": reminders and digests " + run);
        }
      } catch (RuntimeException e) {
        if (DatabaseOutage.is(e)) {
          LOG.warning("Reminders: database unreachable, this run stops here; tried again next hour");
          break; // every other tenant would fail the same way
        }
        LOG.warning(() -> "Tenant " + tenant.slug() + ": reminder run failed, tried again next hour: " + e);
      }
    }
    return runs;
  }
}
