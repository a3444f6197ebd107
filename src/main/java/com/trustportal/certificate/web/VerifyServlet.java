package com.trustportal.certificate.web;

import com.trustportal.certificate.boundary.Certificates;
import com.trustportal.certificate.boundary.Issuers;
import com.trustportal.certificate.credential.CredentialVerifier;
import com.trustportal.certificate.entity.Certificate;
import com.trustportal.certificate.entity.VerificationCode;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantDirectory;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The public verification pages: {@code /verify/<code>} (the QR code's target), its signed credential
 * at {@code /verify/<code>/credential.json}, and {@code /verify} to type a code or check a credential
 * file. No sign-in and no session: nothing here calls {@code getSession}. Inside a tenant's address
 * only that tenant's certificates are found.
 */
@WebServlet(urlPatterns = {"/verify", "/verify/*"})
@MultipartConfig(maxFileSize = CredentialVerifier.MAX_BYTES, maxRequestSize = CredentialVerifier.MAX_BYTES + 64 * 1024,
    fileSizeThreshold = 64 * 1024)
public class VerifyServlet extends HttpServlet {

  private static final String CREDENTIAL = "/credential.json";

  @Inject Certificates certificates;
  @Inject Issuers issuers;
  @Inject TenantDirectory directory;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String context = req.getContextPath();
    String path = Optional.ofNullable(req.getPathInfo()).orElse("/");
    if (path.equals("/")) {
      html(res, 200, VerificationPage.start(context, ""));
      return;
    }
    if (path.equals("/go")) {
      String typed = Optional.ofNullable(req.getParameter("code")).orElse("");
      Optional<VerificationCode> code = VerificationCode.parse(typed);
      if (code.isEmpty()) {
        html(res, 404, VerificationPage.unknown(context));
      } else {
        res.sendRedirect(context + "/verify/" + URLEncoder.encode(code.get().formatted(), StandardCharsets.UTF_8));
      }
      return;
    }
    boolean credential = path.endsWith(CREDENTIAL);
    String codeText = path.substring(1, credential ? path.length() - CREDENTIAL.length() : path.length());
    Optional<Found> found = VerificationCode.parse(codeText).flatMap(this::find);
    if (found.isEmpty()) {
      if (credential) {
        res.sendError(404);
      } else {
        html(res, 404, VerificationPage.unknown(context));
      }
      return;
    }
    Certificate c = found.get().certificate();
    if (credential) {
      res.setContentType("application/json");
      res.setCharacterEncoding("UTF-8");
      // not cached: the holder may change what it states (score, time spent), and the next download must show it
      res.setHeader("Cache-Control", "no-cache");
      res.setHeader("Content-Disposition", "inline; filename=\"certificate-" + c.code().formatted() + ".json\"");
      res.getWriter().write(c.credential());
      return;
    }
    html(res, 200, VerificationPage.certificate(context, c, certificates.status(c), found.get().tenant(),
        certificates.now()));
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String context = req.getContextPath();
    if (!"/check".equals(req.getPathInfo())) {
      res.sendError(404);
      return;
    }
    if (req.getCharacterEncoding() == null) {
      // browsers send the form in the page's encoding (UTF-8) without saying so; names are not ASCII
      req.setCharacterEncoding("UTF-8");
    }
    String json;
    try {
      json = uploaded(req);
    } catch (IllegalStateException | jakarta.servlet.ServletException tooLarge) {
      html(res, 413, VerificationPage.start(context, "<p class=\"status status-invalid\" id=\"status\" role=\"status\">"
          + "<strong id=\"status-label\">Refused</strong> The file is larger than "
          + CredentialVerifier.MAX_BYTES / 1024 + " KB; a certificate credential is a few KB.</p>"));
      return;
    }
    html(res, 200, VerificationPage.checked(context, issuers.check(json)));
  }

  /** The pasted text, or the uploaded file when one was chosen; refuses more than {@link CredentialVerifier#MAX_BYTES}. */
  private static String uploaded(HttpServletRequest req) throws IOException, jakarta.servlet.ServletException {
    String contentType = Optional.ofNullable(req.getContentType()).orElse("");
    if (contentType.startsWith("multipart/")) {
      Part file = req.getPart("file");
      if (file != null && file.getSize() > 0) {
        try (InputStream in = file.getInputStream()) {
          byte[] bytes = in.readNBytes(CredentialVerifier.MAX_BYTES + 1);
          if (bytes.length > CredentialVerifier.MAX_BYTES) {
            throw new IllegalStateException("too large");
          }
          return new String(bytes, StandardCharsets.UTF_8);
        }
      }
    }
    String pasted = Optional.ofNullable(req.getParameter("json")).orElse("");
    if (pasted.length() > CredentialVerifier.MAX_BYTES) {
      throw new IllegalStateException("too large");
    }
    return pasted;
  }

  private record Found(Certificate certificate, TenantConfig tenant) {}

  private Optional<Found> find(VerificationCode code) {
    Optional<String> tenant = certificates.issuingTenant(code);
    if (tenant.isEmpty() || TenantContext.current().filter(t -> !t.equals(tenant.get())).isPresent()) {
      return Optional.empty();
    }
    Optional<TenantConfig> config = directory.bySlug(tenant.get());
    if (config.isEmpty()) {
      return Optional.empty();
    }
    return TenantContext.callAsUnchecked(tenant.get(), () -> certificates.byCode(code))
        .map(c -> new Found(c, config.get()));
  }

  private static void html(HttpServletResponse res, int status, String page) throws IOException {
    res.setStatus(status);
    res.setContentType("text/html;charset=UTF-8");
    res.setHeader("Cache-Control", "no-cache");
    res.setHeader("Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'");
    res.getWriter().write(page);
  }
}
