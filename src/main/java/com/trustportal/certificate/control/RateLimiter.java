package com.trustportal.certificate.control;

import com.trustportal.platform.cluster.ClusterState;
import com.trustportal.platform.cluster.SharedMap;
import java.time.Duration;

/**
 * Counts requests per client in fixed one-minute windows: the public verification pages are hit by QR scans and
 * bots, and one client must not be able to hammer them or walk through codes. The counts are a {@link ClusterState}
 * map, so a client spread over the nodes of a cluster gets the rate once, not once per node. Memory is bounded: a
 * window is forgotten two minutes after its last request, and at most {@link #MAX_CLIENTS} are kept per node.
 */
public final class RateLimiter {

  static final int MAX_CLIENTS = 50_000;

  private final int perMinute;
  private final SharedMap<Long> windows;

  public RateLimiter(ClusterState state, int perMinute) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("rate must be at least 1 request per minute, was " + perMinute);
    }
    this.perMinute = perMinute;
    this.windows = state.map("verify-rate", Duration.ofMinutes(2), MAX_CLIENTS);
  }

  /** Seconds the client must wait, or 0 when this request may go ahead (and is counted). */
  public long waitSeconds(String client, long nowMillis) {
    long minute = nowMillis / 60_000;
    long count = windows.update(client + "@" + minute, n -> n == null ? 1L : n + 1);
    if (count <= perMinute) {
      return 0;
    }
    return Math.max(1, 60 - (nowMillis % 60_000) / 1000);
  }
}
