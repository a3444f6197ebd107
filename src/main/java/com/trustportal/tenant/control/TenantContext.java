package com.trustportal.tenant.control;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The tenant the current unit of work acts for. Set through {@link #callAs} only, by: the request
 * filter (from host name or {@code /t/<slug>/}), the API gate (from the API token, which names its
 * tenant), and background work, which must name its tenant explicitly. {@link TenantEntityManagers} reads it when a transaction first touches
 * tenant data; nothing else decides which rows are visible.
 */
public final class TenantContext {

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private TenantContext() {}

  public static Optional<String> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  public static String require() {
    String tenant = CURRENT.get();
    if (tenant == null) {
      throw new IllegalStateException("no tenant for this unit of work: tenant data needs TenantContext.callAs(...) or a tenant request");
    }
    return tenant;
  }

  /** Runs {@code work} for {@code tenant}; nesting a different tenant is refused (one tenant per unit of work). */
  public static <T> T callAs(String tenant, Callable<T> work) throws Exception {
    Objects.requireNonNull(tenant);
    String outer = CURRENT.get();
    if (outer != null && !outer.equals(tenant)) {
      throw new IllegalStateException("already acting for tenant '" + outer + "', refusing to switch to '" + tenant + "'");
    }
    CURRENT.set(tenant);
    try {
      return work.call();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      }
    }
  }

  /** {@link #callAs} for work that throws no checked exception. */
  public static <T> T callAsUnchecked(String tenant, java.util.function.Supplier<T> work) {
    try {
      return callAs(tenant, work::get);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Work of a servlet request, which may throw its own checked exceptions. */
  public interface IoWork {
    void run() throws java.io.IOException, jakarta.servlet.ServletException;
  }

  public static void runAsIo(String tenant, IoWork work) throws java.io.IOException, jakarta.servlet.ServletException {
    try {
      callAs(tenant, () -> {
        work.run();
        return null;
      });
    } catch (java.io.IOException | jakarta.servlet.ServletException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static void runAs(String tenant, Runnable work) {
    callAsUnchecked(tenant, () -> {
      work.run();
      return null;
    });
  }
}
