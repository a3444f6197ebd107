package com.trustportal.tenant.web;

import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantDirectory;
import com.trustportal.tenant.control.TenantFiles;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Serves the current tenant's logo from its folder; cached by browsers, keyed by config digest. Only
 * the file checked at start-up is served, and only while it is still that file (see
 * {@link TenantFiles#reopen}).
 */
@WebServlet("/brand/logo")
public class LogoServlet extends HttpServlet {

  private static final Logger LOG = Logger.getLogger("portal");

  @Inject TenantDirectory directory;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    Optional<TenantConfig> tenant = TenantContext.current().flatMap(directory::bySlug);
    if (tenant.isEmpty() || tenant.get().brand().logo() == null) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    Path logo = tenant.get().brand().logo();
    Optional<FileChannel> opened = TenantFiles.reopen(logo, TenantFiles.MAX_LOGO_BYTES);
    if (opened.isEmpty()) {
      // checked at start-up; since then replaced by a link or grown: not followed, not served
      LOG.warning(() -> "Tenant " + tenant.get().slug() + ": logo " + logo + " is no longer the file checked at start-up;"
          + " not served until the next start");
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    try (FileChannel channel = opened.get()) {
      String name = logo.getFileName().toString().toLowerCase(Locale.ROOT);
      res.setContentType(name.endsWith(".svg") ? "image/svg+xml"
          : name.endsWith(".png") ? "image/png" : name.endsWith(".webp") ? "image/webp" : "image/jpeg");
      // SVG may carry script: forbid it even when the logo is opened directly
      res.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
      res.setHeader("Cache-Control", "public, max-age=86400");
      long size = channel.size();
      res.setContentLengthLong(size);
      channel.transferTo(0, size, Channels.newChannel(res.getOutputStream()));
    }
  }
}
