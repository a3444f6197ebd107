package com.trustportal.certificate.web;

import com.trustportal.certificate.entity.Certificate;
import com.trustportal.certificate.pdf.CertificatePdf;
import com.trustportal.tenant.control.TenantConfig;
import java.io.IOException;
import java.time.Instant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Test-only: what the public verification page ({@link VerifyServlet}) and the PDF ({@link CertificatePdfServlet})
 * show for a certificate read from the database, rendered by the same code the servlets call.
 */
public final class PublicViews {

  private PublicViews() {}

  public static String verificationPage(Certificate c, TenantConfig tenant, Instant now) {
    return VerificationPage.certificate("", c, c.status(now), tenant, now);
  }

  public static String pdfText(Certificate c, TenantConfig tenant) throws IOException {
    try (PDDocument document = Loader.loadPDF(CertificatePdf.render(CertificatePdfServlet.sheet(c, tenant)))) {
      return new PDFTextStripper().getText(document);
    }
  }
}
