package com.trustportal.tenant.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tenants this node serves, in memory: resolving a request's tenant is a map lookup, never a
 * query. Replaced as a whole after start-up provisioning; readers always see one consistent
 * snapshot.
 */
@ApplicationScoped
public class TenantDirectory {

  private record Snapshot(
      Map<String, TenantConfig> bySlug, Map<String, String> slugByHost, Map<String, List<TenantProblem>> failed) {}

  private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), Map.of());

  public void replace(Map<String, TenantConfig> applied, Map<String, List<TenantProblem>> failed) {
    Map<String, String> hosts = new HashMap<>();
    applied.values().forEach(t -> {
      hosts.put(t.slug() + ".localhost", t.slug());
      t.hosts().forEach(h -> hosts.put(h, t.slug()));
    });
    snapshot = new Snapshot(Map.copyOf(applied), Map.copyOf(hosts), Map.copyOf(failed));
  }

  public Optional<TenantConfig> bySlug(String slug) {
    return Optional.ofNullable(snapshot.bySlug().get(slug));
  }

  public Optional<TenantConfig> byHost(String host) {
    String slug = snapshot.slugByHost().get(host.toLowerCase(Locale.ROOT));
    return slug == null ? Optional.empty() : bySlug(slug);
  }

  public List<TenantConfig> all() {
    return snapshot.bySlug().values().stream().sorted(java.util.Comparator.comparing(TenantConfig::name)).toList();
  }

  public Map<String, List<TenantProblem>> failed() {
    return snapshot.failed();
  }
}
