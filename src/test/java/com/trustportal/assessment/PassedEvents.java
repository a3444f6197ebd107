package com.trustportal.assessment;

import com.trustportal.assessment.entity.AssessmentPassed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test observer: records every AssessmentPassed event the portal fires. */
@ApplicationScoped
public class PassedEvents {

  private final List<AssessmentPassed> seen = new CopyOnWriteArrayList<>();

  void on(@Observes AssessmentPassed event) {
    seen.add(event);
  }

  public long countFor(String tenant, String accountId) {
    return seen.stream().filter(e -> e.tenant().equals(tenant) && e.accountId().equals(accountId)).count();
  }
}
