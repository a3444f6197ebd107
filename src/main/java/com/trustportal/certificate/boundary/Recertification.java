package com.trustportal.certificate.boundary;

import com.trustportal.catalog.boundary.Catalog;
import com.trustportal.catalog.entity.Course;
import com.trustportal.certificate.entity.Certificate;
import com.trustportal.learning.boundary.Completions;
import com.trustportal.learning.entity.CourseCompletion;
import com.trustportal.platform.DatabaseOutage;
import com.trustportal.platform.cluster.JobClaims;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantDirectory;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Re-enrols learners whose certificate is about to expire: the tenant's {@code recertify_days_before}
 * days ahead, a new round of the course opens, due on the expiry date. It runs every hour and after
 * start-up; a learner is re-enrolled once per certificate, because a round only opens when the
 * current one is completed by the completion that certificate was issued for. The same run re-signs
 * credentials issued before the W3C status list, so every served credential passes strict verifiers, and those
 * that state a score or time spent their holder did not choose to publish. In a cluster, each hour's run is made by
 * the one node that claims it ({@link JobClaims}).
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Recertification {

  private static final Logger LOG = Logger.getLogger("portal");

  @Inject TenantDirectory directory;
  @Inject Certificates certificates;
  @Inject Completions completions;
  @Inject Catalog catalog;
  @Inject JobClaims claims;
  @Resource SessionContext context;

  /** The name of this job's runs in {@code job_claim}. */
  public static final String JOB = "recertification";

  @Schedule(hour = "*", minute = "17", persistent = false)
  public void hourly() {
    Instant now = certificates.now();
    try {
      if (!claims.claim(JOB, JobClaims.hourOf(now), now)) {
        return; // another node of the cluster makes this hour's run
      }
    } catch (RuntimeException e) {
      if (DatabaseOutage.is(e)) {
        LOG.warning("Recertification: database unreachable, this run is skipped; tried again next hour");
        return;
      }
      throw e;
    }
    for (TenantConfig tenant : directory.all()) {
      try {
        int opened = TenantContext.callAsUnchecked(tenant.slug(), () -> reenrolExpiring(tenant));
        if (opened > 0) {
          LOG.info(() -> "Tenant " + tenant.slug() + ": " + opened + " learner(s) re-enrolled for recertification");
        }
        int resigned = TenantContext.callAsUnchecked(tenant.slug(), () -> self().resignLegacyCredentials());
        if (resigned > 0) {
          LOG.info(() -> "Tenant " + tenant.slug() + ": " + resigned + " credential(s) re-signed with a W3C status list entry");
        }
        int hidden = TenantContext.callAsUnchecked(tenant.slug(), () -> self().resignUnchosenResults());
        if (hidden > 0) {
          LOG.info(() -> "Tenant " + tenant.slug() + ": " + hidden + " credential(s) re-signed without a score or time"
              + " their holder did not choose to publish");
        }
      } catch (EJBException e) {
        if (DatabaseOutage.is(e)) {
          LOG.warning("Recertification: database unreachable, this run stops here; tried again next hour");
          break; // every other tenant would fail the same way
        }
        LOG.warning(() -> "Tenant " + tenant.slug() + ": recertification run failed, retried next hour: " + e);
      }
    }
  }

  /** Opens a recertification round for every certificate of the current tenant that expires soon; returns how many. */
  public int reenrolExpiring(TenantConfig tenant) {
    Instant horizon = certificates.now().plus(Duration.ofDays(tenant.signer().recertifyDaysBefore()));
    int opened = 0;
    for (Certificate certificate : certificates.expiringBefore(horizon)) {
      Optional<Course> course = catalog.course(tenant.slug(), certificate.courseId());
      if (course.isEmpty() || course.get().version() != certificate.courseVersion()) {
        continue; // the course is no longer offered, or changed: a new version is a new enrolment, not a renewal
      }
      boolean current = completions.find(certificate.accountId(), course.get())
          .map(CourseCompletion::id).filter(certificate.completionId()::equals).isPresent();
      if (current && self().reopen(certificate.accountId(), course.get(), certificate.expiresAt())) {
        opened++;
      }
    }
    return opened;
  }

  /** Credentials issued before the W3C status list get one, in a transaction of their own. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int resignLegacyCredentials() {
    return certificates.resignLegacyCredentials();
  }

  /** Credentials signed before learners chose what to publish lose the score and time they state, in a transaction. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int resignUnchosenResults() {
    return certificates.resignUnchosenResults();
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean reopen(String accountId, Course course, Instant dueAt) {
    return completions.reopen(accountId, course, dueAt).isPresent();
  }

  private Recertification self() {
    return context.getBusinessObject(Recertification.class);
  }
}
