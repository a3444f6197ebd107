package com.trustportal.tenant.web;

import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantDirectory;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Optional;

/** Serves the current tenant's logo from its folder; cached by browsers, keyed by config digest. */
@WebServlet("/brand/logo")
public class LogoServlet extends HttpServlet {

  @Inject TenantDirectory directory;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    Optional<TenantConfig> tenant = TenantContext.current().flatMap(directory::bySlug);
    if (tenant.isEmpty() || tenant.get().brand().logo() == null) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    var logo = tenant.get().brand().logo();
    String name = logo.getFileName().toString().toLowerCase(Locale.ROOT);
    res.setContentType(name.endsWith(".svg") ? "image/svg+xml"
        : name.endsWith(".png") ? "image/png" : name.endsWith(".webp") ? "image/webp" : "image/jpeg");
    // SVG may carry script: forbid it even when the logo is opened directly
    res.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    res.setHeader("Cache-Control", "public, max-age=86400");
    res.setContentLengthLong(Files.size(logo));
    Files.copy(logo, res.getOutputStream());
  }
}
