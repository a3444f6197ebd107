package com.trustportal;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one place that builds test archives: the WAR that {@code mvn package} produced (so ITs test
 * what ships), plus the test classes a test needs inside the container.
 */
public final class Deployments {

  private Deployments() {}

  public static WebArchive portal(Class<?>... testClasses) {
    File war = new File("target/ROOT.war");
    if (!war.isFile()) {
      throw new IllegalStateException("target/ROOT.war is missing: run the ITs through 'mvn verify'");
    }
    return ShrinkWrap.create(ZipImporter.class, "portal.war").importFrom(war).as(WebArchive.class).addClasses(testClasses);
  }
}
