package com.trustportal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * What the node last learnt about its database while serving: requests that failed on an unreachable database
 * report it, readiness reports when it answers again. Logged once per change, so an outage under load is two log
 * lines, not one per request.
 */
@ApplicationScoped
public class DatabaseStatus {

  private static final Logger LOG = Logger.getLogger("portal");

  private final AtomicReference<String> unreachable = new AtomicReference<>();
  private volatile long since;

  public void unreachable(String reason) {
    if (unreachable.getAndSet(reason) == null) {
      since = System.nanoTime();
      LOG.warning(() -> "Database " + DatabaseSettings.describe() + " unreachable (" + reason
          + "): requests that need it answer 503 until it is back");
    }
  }

  public void reachable() {
    if (unreachable.getAndSet(null) != null) {
      LOG.info(() -> "Database " + DatabaseSettings.describe() + " reachable again after "
          + (System.nanoTime() - since) / 1_000_000_000 + " s");
    }
  }

  /** Why the database was unreachable at the last failed request, until readiness finds it answering again. */
  public Optional<String> unreachableReason() {
    return Optional.ofNullable(unreachable.get());
  }
}
