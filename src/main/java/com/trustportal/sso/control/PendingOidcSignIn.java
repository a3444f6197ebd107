package com.trustportal.sso.control;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sign-in this portal has sent to a tenant's provider and not yet seen come back: kept in the visitor's session
 * (never in a cookie or the URL), bound to the tenant that started it, and taken out by the first callback that
 * names its state, so a state works once. Serializable, like everything a session keeps.
 */
public record PendingOidcSignIn(String tenant, String state, String nonce, String verifier, String next, Instant started)
    implements Serializable {

  static final String SESSION_KEY = "portal.sso.pending";
  /** How long a visitor has at the provider's sign-in page. */
  public static final Duration LIFETIME = Duration.ofMinutes(10);
  /** Sign-ins open at once in one session (tabs); the oldest is dropped beyond that. */
  static final int MAX_OPEN = 5;
  /** One lock for every session: the work under it is a few map operations. */
  private static final Object LOCK = new Object();

  public PendingOidcSignIn {
    Objects.requireNonNull(tenant);
    Objects.requireNonNull(state);
    Objects.requireNonNull(nonce);
    Objects.requireNonNull(verifier);
    Objects.requireNonNull(started);
  }

  public boolean expired(Instant now) {
    return started.plus(LIFETIME).isBefore(now);
  }

  /** Keeps {@code pending} in {@code session}. */
  public static void keep(jakarta.servlet.http.HttpSession session, PendingOidcSignIn pending) {
    synchronized (LOCK) {
      Map<String, PendingOidcSignIn> open = open(session);
      while (open.size() >= MAX_OPEN) {
        open.values().stream().min(java.util.Comparator.comparing(PendingOidcSignIn::started))
            .ifPresent(oldest -> open.remove(oldest.state()));
      }
      open.put(pending.state(), pending);
      session.setAttribute(SESSION_KEY, open); // set again, so a replicating session store sees the change
    }
  }

  /** Takes the sign-in that {@code state} names out of the session: a second callback with it finds nothing. */
  public static PendingOidcSignIn take(jakarta.servlet.http.HttpSession session, String state) {
    if (session == null || state == null) {
      return null;
    }
    synchronized (LOCK) {
      Map<String, PendingOidcSignIn> open = open(session);
      PendingOidcSignIn taken = open.remove(state);
      session.setAttribute(SESSION_KEY, open);
      return taken;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, PendingOidcSignIn> open(jakarta.servlet.http.HttpSession session) {
    Object stored = session.getAttribute(SESSION_KEY);
    return stored instanceof ConcurrentHashMap<?, ?> map ? (Map<String, PendingOidcSignIn>) map : new ConcurrentHashMap<>();
  }
}
