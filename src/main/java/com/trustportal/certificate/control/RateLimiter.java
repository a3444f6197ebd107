package com.trustportal.certificate.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts requests per client in fixed one-minute windows: the public verification pages are hit by
 * QR scans and bots, and one client must not be able to hammer them or walk through codes. Memory is
 * bounded: windows of past minutes are dropped when the table grows.
 */
public final class RateLimiter {

  private static final int MAX_CLIENTS = 50_000;

  private final int perMinute;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  public RateLimiter(int perMinute) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("rate must be at least 1 request per minute, was " + perMinute);
    }
    this.perMinute = perMinute;
  }

  private record Window(long minute, int count) {}

  /** Seconds the client must wait, or 0 when this request may go ahead (and is counted). */
  public long waitSeconds(String client, long nowMillis) {
    long minute = nowMillis / 60_000;
    if (windows.size() > MAX_CLIENTS) {
      windows.values().removeIf(w -> w.minute() < minute);
    }
    Window window = windows.compute(client, (k, w) ->
        w == null || w.minute() != minute ? new Window(minute, 1) : new Window(minute, w.count() + 1));
    if (window.count() <= perMinute) {
      return 0;
    }
    return Math.max(1, 60 - (nowMillis % 60_000) / 1000);
  }
}
