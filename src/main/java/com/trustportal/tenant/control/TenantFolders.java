package com.trustportal.tenant.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads every folder under the tenants directory. A broken folder is reported and left out; the
 * others still load. Host names must be unique across tenants: the later tenant (by slug) that
 * repeats a host is refused, never both.
 */
public final class TenantFolders {

  private TenantFolders() {}

  /** Valid tenants by slug, and problems by slug for tenants that were refused. */
  public record Scan(Map<String, TenantConfig> tenants, Map<String, List<TenantProblem>> failed) {}

  public static Scan scan(Path tenantsDir) {
    Map<String, TenantConfig> tenants = new TreeMap<>();
    Map<String, List<TenantProblem>> failed = new TreeMap<>();
    if (!Files.isDirectory(tenantsDir)) {
      return new Scan(tenants, failed);
    }
    List<Path> folders;
    try (Stream<Path> list = Files.list(tenantsDir)) {
      folders = list.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException("cannot list tenants in " + tenantsDir, e);
    }
    Map<String, String> hostOwner = new HashMap<>();
    for (Path folder : folders) {
      TenantConfigParser.Result result = TenantConfigParser.parse(folder);
      if (!result.ok()) {
        failed.put(folder.getFileName().toString(), result.problems());
        continue;
      }
      TenantConfig config = result.config();
      List<TenantProblem> clashes = new ArrayList<>();
      for (String host : config.hosts()) {
        String owner = hostOwner.get(host);
        if (owner == null && host.equals(config.slug() + ".localhost")) {
          continue;
        }
        if (owner != null || isLocalhostOfOther(host, config.slug())) {
          clashes.add(new TenantProblem(config.slug() + "/" + TenantConfigParser.FILE_NAME, TenantConfigParser.hostLine(folder, host), "hosts",
              "host name '" + host + "' already belongs to tenant '" + (owner != null ? owner : host.substring(0, host.indexOf('.'))) + "'"));
        }
      }
      if (!clashes.isEmpty()) {
        failed.put(config.slug(), clashes);
        continue;
      }
      config.hosts().forEach(h -> hostOwner.put(h, config.slug()));
      tenants.put(config.slug(), config);
    }
    return new Scan(tenants, failed);
  }

  private static boolean isLocalhostOfOther(String host, String slug) {
    return host.endsWith(".localhost") && !host.equals(slug + ".localhost");
  }
}
