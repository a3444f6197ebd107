package com.trustportal.tenant.web;

import com.trustportal.tenant.control.TenantDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The operator's view of refused tenant folders, with file, line and field of each problem. */
@Named
@RequestScoped
public class PlatformStatus {

  @Inject TenantDirectory directory;

  public List<String> getRefused() {
    return directory.failed().values().stream().flatMap(List::stream).map(Object::toString).toList();
  }
}
