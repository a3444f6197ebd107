package com.trustportal.platform;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Stops the node without failing a request: on {@code SIGTERM} readiness goes DOWN at once, the node keeps serving
 * for {@code PORTAL_DRAIN_SECONDS} (default 10) so that the load balancer moves traffic away, waits for the requests
 * still running, and only then exits. A second {@code SIGTERM} stops at once.
 *
 * <p>The JVM's own reaction to {@code SIGTERM} is to run every shutdown hook at once, and Payara's hook stops the
 * server immediately. So the application takes over the signal itself (the JVM's supported {@code sun.misc.Signal}):
 * the JVM starts shutting down, and runs Payara's hook, only when this class calls {@link Runtime#exit} after the
 * drain. This works the same for {@code portal.jar} and for the WAR on any Payara Micro. {@code SIGINT} (Ctrl+C) is
 * left alone: it stops at once, as a developer expects.
 */
@ApplicationScoped
public class GracefulStop {

  private static final Logger LOG = Logger.getLogger("portal");
  /** Longest wait for running requests after the drain period. */
  static final int IN_FLIGHT_WAIT_SECONDS = 30;

  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean draining;
  private SignalHandler previous;
  private int drainSeconds;

  void install(@Observes @Initialized(ApplicationScoped.class) Object started) {
    drainSeconds = Settings.drainSeconds(); // read here: the signal's thread does not see the application's config
    try {
      previous = Signal.handle(new Signal("TERM"), signal -> onTerm());
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      LOG.warning(() -> "SIGTERM stops this node without draining: " + e.getMessage());
    }
  }

  @PreDestroy
  void uninstall() {
    if (previous != null && !draining) {
      Signal.handle(new Signal("TERM"), previous); // undeployed, not stopping: the JVM's own handling again
    }
  }

  private synchronized void onTerm() {
    if (draining) {
      LOG.warning("Second SIGTERM: stopping now");
      Runtime.getRuntime().halt(143);
      return;
    }
    draining = true;
    int seconds = drainSeconds;
    LOG.info(() -> "SIGTERM: readiness is DOWN; serving " + seconds + " s more while traffic moves away, then stopping");
    Thread drain = new Thread(() -> drainThenExit(seconds), "portal-drain");
    drain.setDaemon(false);
    drain.start();
  }

  private void drainThenExit(int seconds) {
    try {
      TimeUnit.SECONDS.sleep(seconds);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(IN_FLIGHT_WAIT_SECONDS);
      while (inFlight.get() > 0 && System.nanoTime() < deadline) {
        TimeUnit.MILLISECONDS.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    int left = inFlight.get();
    LOG.info(() -> "Drained: stopping the node" + (left > 0 ? " with " + left + " request(s) still running" : ""));
    Runtime.getRuntime().exit(143); // runs the shutdown hooks, Payara's among them
  }

  /** True from the first SIGTERM on: readiness is DOWN and answers say {@code Connection: close}. */
  public boolean draining() {
    return draining;
  }

  /** Called by the request filter around every request, so the stop can wait for running ones. */
  public void requestStarted() {
    inFlight.incrementAndGet();
  }

  public void requestEnded() {
    inFlight.decrementAndGet();
  }
}
