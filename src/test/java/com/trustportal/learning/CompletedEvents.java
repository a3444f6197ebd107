package com.trustportal.learning;

import com.trustportal.learning.entity.CourseCompleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test observer, as a certificate issuer would be: counts committed completions per learner. */
@ApplicationScoped
public class CompletedEvents {

  private final List<CourseCompleted> seen = new CopyOnWriteArrayList<>();

  void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) CourseCompleted event) {
    seen.add(event);
  }

  public long countFor(String tenant, String accountId) {
    return seen.stream().filter(e -> e.tenant().equals(tenant) && e.accountId().equals(accountId)).count();
  }
}
