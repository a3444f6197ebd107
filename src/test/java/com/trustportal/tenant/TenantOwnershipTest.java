package com.trustportal.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.tenant.entity.TenantOwned;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.junit.jupiter.api.Test;

/**
 * The one isolation rule that cannot be forgotten: every entity of the portal is tenant-owned through the one
 * mapped superclass {@link TenantOwned} (EclipseLink multitenancy on the tenant_id column, declared there and nowhere
 * else), or it is on the short list of platform entities below, each with the reason it belongs to no tenant. A new
 * entity that is neither, or that declares multitenancy of its own, fails this test.
 */
class TenantOwnershipTest {

  /** Platform entities: rows that are not any one tenant's data. */
  private static final Map<String, String> PLATFORM_ENTITIES = Map.of(
      "com.trustportal.tenant.entity.Tenant", "the tenants themselves",
      "com.trustportal.certificate.entity.CertificateCode",
          "maps a public verification code to its tenant, so /verify/<code> can find the tenant before knowing it");

  @Test
  void everyEntityIsTenantOwnedOrANamedPlatformEntity() throws Exception {
    List<Class<?>> entities = entities();
    assertTrue(entities.size() >= 12, "too few entities found: " + entities);
    List<String> wrong = new ArrayList<>();
    for (Class<?> entity : entities) {
      boolean platform = PLATFORM_ENTITIES.containsKey(entity.getName());
      boolean owned = TenantOwned.class.isAssignableFrom(entity);
      if (platform && owned) {
        wrong.add(entity.getName() + " is listed as a platform entity but is tenant-owned: take it off the list");
      } else if (!platform && !owned) {
        wrong.add(entity.getName() + " is neither tenant-owned (extends TenantOwned) nor a named platform entity");
      }
      if (entity.isAnnotationPresent(Multitenant.class) || entity.isAnnotationPresent(TenantDiscriminatorColumn.class)) {
        wrong.add(entity.getName() + " declares multitenancy itself: extend TenantOwned instead, so one rule holds");
      }
    }
    for (String listed : PLATFORM_ENTITIES.keySet()) {
      if (entities.stream().noneMatch(e -> e.getName().equals(listed))) {
        wrong.add(listed + " is listed as a platform entity but is no entity");
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void theSuperclassKeepsEveryTenantInTheTenantIdColumn() {
    assertTrue(TenantOwned.class.isAnnotationPresent(MappedSuperclass.class));
    assertEquals(MultitenantType.SINGLE_TABLE, TenantOwned.class.getAnnotation(Multitenant.class).value());
    TenantDiscriminatorColumn column = TenantOwned.class.getAnnotation(TenantDiscriminatorColumn.class);
    assertEquals("tenant_id", column.name());
    assertEquals(40, column.length());
  }

  private static List<Class<?>> entities() throws IOException, ClassNotFoundException {
    Path classes = Path.of("target", "classes");
    List<Class<?>> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(file).toString().replace('/', '.').replace(".class", "");
        if (!name.startsWith("com.trustportal.")) {
          continue;
        }
        Class<?> type = Class.forName(name, false, TenantOwnershipTest.class.getClassLoader());
        if (type.isAnnotationPresent(Entity.class)) {
          found.add(type);
        }
      }
    }
    return found;
  }
}
