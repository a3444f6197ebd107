package com.trustportal.identity.control;

import com.trustportal.platform.cluster.ClusterState;
import com.trustportal.platform.cluster.SharedMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How many password reset mails may go out: {@link #PER_EMAIL} per e-mail address of a tenant and hour, so nobody can
 * flood a mailbox through the portal, and {@link #PER_ADDRESS} requests per client address and hour, so one client
 * cannot walk through addresses. Every request counts, whether an account exists or not, so the limit tells nothing
 * about accounts either; a refused request gets the same answer as any other and simply sends nothing.
 *
 * <p>The counts are {@link ClusterState} maps (one hour windows that start with a scope's first request), so a
 * cluster counts each scope once. A side effect that cannot be avoided: anyone may use up an address's three mails
 * for an hour; the person then waits, as after three mails of their own.
 */
@ApplicationScoped
public class ResetRequestLimit {

  public static final int PER_EMAIL = 3;
  public static final int PER_ADDRESS = 20;
  public static final Duration WINDOW = Duration.ofHours(1);
  /** Entries kept per map; about 100 bytes each. */
  public static final int MAX_ENTRIES = 10_000;

  private Clock clock;
  private int perEmail;
  private int perAddress;
  private SharedMap<String> byEmail;
  private SharedMap<String> byAddress;

  /** For the container's proxy only. */
  protected ResetRequestLimit() {}

  @Inject
  public ResetRequestLimit(ClusterState state) {
    this(state, Clock.systemUTC(), PER_EMAIL, PER_ADDRESS);
  }

  public ResetRequestLimit(ClusterState state, Clock clock, int perEmail, int perAddress) {
    if (perEmail < 1 || perAddress < 1) {
      throw new IllegalArgumentException("a limit of at least one request per hour is needed");
    }
    this.clock = Objects.requireNonNull(clock);
    this.perEmail = perEmail;
    this.perAddress = perAddress;
    this.byEmail = state.map("password-reset.email", WINDOW, MAX_ENTRIES);
    this.byAddress = state.map("password-reset.address", WINDOW, MAX_ENTRIES);
  }

  /**
   * Counts one request of {@code clientAddress} for {@code email} in {@code tenant}; whether a mail may go out. A
   * request refused for its client address does not count against the e-mail address.
   */
  public boolean allows(String tenant, String email, String clientAddress) {
    long now = clock.millis();
    if (count(byAddress, SignInThrottle.addressKey(clientAddress), now) > perAddress) {
      return false;
    }
    return count(byEmail, tenant + "\n" + typed(email), now) <= perEmail;
  }

  /** The count in the scope's window after this request; the entry is the text "windowStart:count". */
  private static long count(SharedMap<String> map, String key, long now) {
    String after = map.update(key, text -> {
      if (text != null) {
        String[] parts = text.split(":");
        long start = Long.parseLong(parts[0]);
        if (now < start + WINDOW.toMillis()) {
          return start + ":" + (Long.parseLong(parts[1]) + 1);
        }
      }
      return now + ":1";
    });
    return Long.parseLong(after.substring(after.indexOf(':') + 1));
  }

  private static String typed(String email) {
    String typed = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    return typed.length() > 254 ? typed.substring(0, 254) : typed;
  }
}
