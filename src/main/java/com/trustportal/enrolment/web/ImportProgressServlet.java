package com.trustportal.enrolment.web;

import com.trustportal.identity.entity.Role;
import com.trustportal.identity.web.PageGuard;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The progress of the signed-in admin's own check or import, as JSON, polled by the import page while its
 * upload request runs. Under /admin/, so only the tenant's admins reach it (the request gate's rules); it checks
 * the role itself too, so a mistake in the gate exposes nothing.
 */
@WebServlet("/admin/import-progress")
public class ImportProgressServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject ImportProgressHolder progress;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    if (!PageGuard.permits(req, Role.ADMIN)) {
      res.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    res.setContentType("application/json");
    res.setCharacterEncoding("UTF-8");
    res.setHeader("Cache-Control", "no-store");
    res.getWriter().write(progress.json());
  }
}
