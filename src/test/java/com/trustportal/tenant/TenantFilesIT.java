package com.trustportal.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.Deployments;
import com.trustportal.web.PortalHttp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile tenant folders, as an operator's customer could write them: a 12 MB {@code tenant.yaml}, a
 * name longer than its column, a logo that is a symbolic link to another tenant's file. Each is refused
 * and named in readiness with what is wrong, no database text reaches readiness, and the other
 * tenants are served as before.
 */
@ExtendWith(ArquillianExtension.class)
class TenantFilesIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    // Payara Micro starts (and reads the tenants directory) when this archive is deployed, so the
    // files too large or too odd to commit are written now
    hostileFolders(Path.of(System.getenv("PORTAL_TENANTS_DIR")));
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  private final HttpClient http = PortalHttp.client();
  private JsonObject readiness;

  @BeforeEach
  void readReadiness() throws Exception {
    HttpResponse<String> ready = PortalHttp.get(http, root() + "health/ready");
    assertEquals(200, ready.statusCode(), "the node is ready with the valid tenants: " + ready.body());
    readiness = Json.createReader(new StringReader(ready.body())).readObject()
        .getJsonArray("checks").getJsonObject(0).getJsonObject("data");
  }

  @Test
  void aTwelveMegabyteTenantFileIsRefusedWithItsSizeAndTheLimit() throws IOException {
    long size = Files.size(Path.of(System.getenv("PORTAL_TENANTS_DIR"), "oversized/tenant.yaml"));
    assertEquals("oversized/tenant.yaml:1: the file is 12.00 MB (" + String.format(Locale.ROOT, "%,d", size)
        + " bytes); at most 256 KB (262,144 bytes) is accepted", readiness.getString("failed.oversized"));
  }

  @Test
  void aNameLongerThanItsColumnIsRefusedBeforeTheDatabaseSeesIt() {
    String refused = readiness.getString("failed.longname");
    assertTrue(refused.startsWith("longname/tenant.yaml:3: name: 'Longname Holdings"), refused);
    assertTrue(refused.endsWith("is 296 characters long; at most 255 are allowed"), refused);
  }

  @Test
  void aLogoThatIsASymbolicLinkOutOfTheFolderIsRefusedAndNotServed() throws Exception {
    assertEquals("linklogo/tenant.yaml:6: brand.logo: logo file 'logo.svg' is a symbolic link that leads out of the tenant"
        + " folder; put the file itself in the folder", readiness.getString("failed.linklogo"));
    assertEquals(404, PortalHttp.get(http, base + "t/linklogo/brand/logo").statusCode());
  }

  @Test
  void readinessCarriesNoDatabaseOrJavaText() {
    String text = readiness.toString();
    for (String leak : List.of("Exception", "eclipse", "SQL", "jdbc", "VARCHAR")) {
      assertFalse(text.contains(leak), "'" + leak + "' in readiness: " + text);
    }
  }

  @Test
  void theOtherTenantsAreServed() throws Exception {
    List<String> served = List.of(readiness.getString("tenants").split(","));
    assertTrue(served.containsAll(List.of("acme", "certify", "enrol", "globex")), "served: " + served);
    assertTrue(java.util.Collections.disjoint(served, List.of("oversized", "longname", "linklogo")), "served: " + served);
    for (String tenant : List.of("acme", "globex")) {
      assertEquals(200, PortalHttp.get(http, base + "t/" + tenant + "/login.xhtml").statusCode(), tenant);
      HttpResponse<String> logo = PortalHttp.get(http, base + "t/" + tenant + "/brand/logo");
      assertEquals(200, logo.statusCode(), tenant + " logo");
      assertTrue(logo.body().contains("<svg"), tenant + " logo");
    }
    for (String refused : List.of("oversized", "longname", "linklogo")) {
      assertEquals(404, PortalHttp.get(http, base + "t/" + refused + "/login.xhtml").statusCode(), refused);
    }
  }

  private String root() {
    return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "/";
  }

  /** Pads {@code oversized/tenant.yaml} to 12 MB of comment, and links {@code linklogo/logo.svg} to acme's logo. */
  private static void hostileFolders(Path tenants) {
    try {
      Path oversized = tenants.resolve("oversized/tenant.yaml");
      Files.copy(Path.of("src/test/it-tenants/oversized/tenant.yaml"), oversized,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      byte[] line = ("#" + "x".repeat(1022) + "\n").getBytes(StandardCharsets.UTF_8);
      try (var out = Files.newOutputStream(oversized, StandardOpenOption.APPEND)) {
        for (int i = 0; i < 12 * 1024; i++) {
          out.write(line);
        }
      }
      Path logo = tenants.resolve("linklogo/logo.svg");
      Files.deleteIfExists(logo);
      Files.createSymbolicLink(logo, Path.of("../acme/logo.svg"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
