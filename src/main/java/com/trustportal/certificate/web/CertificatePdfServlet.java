package com.trustportal.certificate.web;

import com.trustportal.certificate.boundary.Certificates;
import com.trustportal.certificate.control.CredentialIssuer;
import com.trustportal.certificate.entity.Certificate;
import com.trustportal.certificate.entity.VerificationCode;
import com.trustportal.certificate.pdf.CertificatePdf;
import com.trustportal.certificate.pdf.CertificateSheet;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantDirectory;
import com.trustportal.identity.web.LiveSession;
import com.trustportal.tenant.control.TenantFiles;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * The certificate as a PDF: learners download their own from "My learning"
 * ({@code /learn/certificates/<code>.pdf}), tenant admins any of their tenant's from the learner's record
 * ({@code /admin/certificates/<code>.pdf}). The request filter has already checked tenant and role; the
 * boundary checks ownership. Anything else is a 404, so codes cannot be probed here.
 */
@WebServlet({"/learn/certificates/*", "/admin/certificates/*"})
public class CertificatePdfServlet extends HttpServlet {

  @Inject Certificates certificates;
  @Inject LiveSession liveSession;
  @Inject TenantDirectory directory;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    SignedInUser user = liveSession.current(req).orElse(null);
    String path = Optional.ofNullable(req.getPathInfo()).orElse("");
    Optional<TenantConfig> tenant = TenantContext.current().flatMap(directory::bySlug);
    if (user == null || tenant.isEmpty() || !path.endsWith(".pdf")) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    Optional<Certificate> found = VerificationCode.parse(path.substring(1, path.length() - ".pdf".length()))
        .flatMap(code -> certificates.forDownload(user, code));
    if (found.isEmpty()) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    Certificate c = found.get();
    byte[] pdf = CertificatePdf.render(sheet(c, tenant.get()));
    res.setContentType("application/pdf");
    res.setHeader("Content-Disposition", "attachment; filename=\"certificate-" + c.code().formatted() + ".pdf\"");
    res.setHeader("Cache-Control", "private, no-store");
    res.setContentLength(pdf.length);
    res.getOutputStream().write(pdf);
  }

  /** What the PDF prints: the score and the time spent only as the learner chose, for every reader of the PDF. */
  static CertificateSheet sheet(Certificate c, TenantConfig tenant) throws IOException {
    return new CertificateSheet(tenant.name(), logo(tenant.brand().logo()), tenant.brand().primary(),
        tenant.brand().accent(), tenant.signer().name(), tenant.signer().title(), c.learnerName(), c.courseTitle(),
        Integer.toString(c.courseVersion()), c.completedAt().atZone(ZoneOffset.UTC).toLocalDate(),
        c.expiresAt() == null ? null : c.expiresAt().atZone(ZoneOffset.UTC).toLocalDate(),
        c.publicScore().isPresent() ? c.publicScore().getAsInt() : null,
        c.publicTimeSpent().map(Duration::toSeconds).orElse(null), c.code().formatted(), CredentialIssuer.credentialId(c));
  }

  private static CertificateSheet.Logo logo(Path file) throws IOException {
    // the file checked at start-up, only while it still is that file (no link swapped in since)
    byte[] bytes = file == null ? null : TenantFiles.reread(file, TenantFiles.MAX_LOGO_BYTES).orElse(null);
    if (bytes == null) {
      return null;
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String type = name.endsWith(".svg") ? "image/svg+xml" : name.endsWith(".png") ? "image/png" : "image/jpeg";
    return new CertificateSheet.Logo(bytes, type);
  }
}
