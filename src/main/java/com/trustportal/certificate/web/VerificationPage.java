package com.trustportal.certificate.web;

import static com.trustportal.platform.web.Html.escape;

import com.trustportal.certificate.credential.VerificationReport;
import com.trustportal.certificate.entity.Certificate;
import com.trustportal.certificate.entity.CertificateStatus;
import com.trustportal.tenant.control.TenantConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The HTML of the public verification pages: the certificate's facts and its status in words a
 * manager, a customer or an auditor reads at a glance, in the issuing tenant's colours. Every value
 * is escaped; nothing here reads the session.
 */
final class VerificationPage {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

  private VerificationPage() {}

  static String certificate(String context, Certificate c, CertificateStatus status, TenantConfig tenant, Instant now) {
    String code = c.code().formatted();
    String statusLine = switch (status) {
      case VALID -> "This certificate is genuine and in force.";
      case EXPIRED -> "This certificate is genuine but expired on " + date(c.expiresAt()) + ".";
      case REVOKED -> "This certificate was revoked by " + tenant.name() + " on " + date(c.revokedAt())
          + ". Reason: " + c.revocationReason().label() + ".";
    };
    StringBuilder facts = new StringBuilder();
    fact(facts, "Awarded to", c.learnerName(), "learner");
    fact(facts, "Course", c.courseTitle() + " (version " + c.courseVersion() + ")", "course");
    fact(facts, "Issued by", tenant.name(), "issuer");
    fact(facts, "Completed on", date(c.completedAt()), "completed");
    fact(facts, "Issued on", date(c.issuedAt()), "issued");
    fact(facts, "Valid until", c.expiresAt() == null ? "No expiry" : date(c.expiresAt()), "expires");
    // the score and the time spent only when the learner chose to publish them
    c.publicScore().ifPresent(score -> fact(facts, "Final assessment", score + " %", "score"));
    c.publicTimeSpent().ifPresent(time -> fact(facts, "Time spent", duration(time), "time"));
    fact(facts, "Verification code", code, "code");
    if (status == CertificateStatus.REVOKED) {
      fact(facts, "Revoked on", date(c.revokedAt()), "revoked");
      fact(facts, "Reason", c.revocationReason().label(), "reason");
    }
    String body = "<p class=\"status status-" + status.name().toLowerCase(Locale.ROOT) + "\" id=\"status\" role=\"status\">"
        + "<strong id=\"status-label\">" + escape(status.label()) + "</strong> <span>" + escape(statusLine) + "</span></p>"
        + "<dl class=\"facts\">" + facts + "</dl>"
        + "<p>The signed credential (Open Badges 3.0) can be checked by anyone, also without us: "
        + "<a id=\"credential\" download=\"certificate-" + escape(code) + ".json\" href=\"" + escape(context)
        + "/verify/" + escape(code) + "/credential.json\">download the credential</a> · "
        + "<a href=\"" + escape(context) + "/issuers/" + escape(tenant.slug()) + "\">issuer key</a> · "
        + "<a href=\"" + escape(context) + "/verify\">check a credential file</a></p>"
        + "<p class=\"muted\">Checked " + escape(DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))) + "</p>";
    return layout(context, tenant, "Certificate " + code, body);
  }

  static String unknown(String context) {
    return layout(context, null, "No certificate with this code",
        "<p class=\"status status-unknown\" id=\"status\" role=\"status\"><strong id=\"status-label\">Not found</strong>"
            + " <span>There is no certificate with this code. Check the code for typing mistakes; it has 28 letters and"
            + " digits in groups of four.</span></p>" + form(context, ""));
  }

  static String start(String context, String message) {
    return layout(context, null, "Verify a certificate", message + form(context, ""));
  }

  static String checked(String context, VerificationReport report) {
    StringBuilder rows = new StringBuilder();
    for (VerificationReport.Check check : report.checks()) {
      String outcome = check.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-');
      rows.append("<li class=\"check check-").append(outcome).append("\"><strong>").append(escape(check.name()))
          .append(": ").append(outcome.replace('-', ' ')).append("</strong> ").append(escape(check.detail()))
          .append("</li>");
    }
    boolean valid = report.passed();
    return layout(context, null, "Credential check",
        "<p class=\"status status-" + (valid ? "valid" : "invalid") + "\" id=\"status\" role=\"status\">"
            + "<strong id=\"status-label\">" + (valid ? "Valid" : "Not valid") + "</strong> <span>"
            + escape(report.summary()) + "</span></p><ul class=\"checks\" id=\"checks\">" + rows + "</ul>"
            + form(context, ""));
  }

  private static String form(String context, String pasted) {
    return "<section class=\"card\"><h2>Check a code</h2><form method=\"get\" action=\"" + escape(context) + "/verify/go\">"
        + "<label for=\"code\">Verification code</label> <input id=\"code\" name=\"code\" size=\"40\" autocomplete=\"off\"/>"
        + " <button type=\"submit\">Verify</button></form></section>"
        + "<section class=\"card\"><h2>Check a credential file</h2>"
        + "<form method=\"post\" enctype=\"multipart/form-data\" action=\"" + escape(context) + "/verify/check\">"
        + "<p><label for=\"file\">Credential file (.json)</label> <input type=\"file\" id=\"file\" name=\"file\" accept=\".json,application/json\"/></p>"
        + "<p><label for=\"json\">or paste it here</label><br/><textarea id=\"json\" name=\"json\" rows=\"6\" cols=\"70\">"
        + escape(pasted) + "</textarea></p><button type=\"submit\" id=\"check\">Check the credential</button></form></section>";
  }

  private static void fact(StringBuilder out, String label, String value, String id) {
    out.append("<dt>").append(escape(label)).append("</dt><dd id=\"").append(id).append("\">").append(escape(value))
        .append("</dd>");
  }

  static String date(Instant at) {
    return at == null ? "" : DATE.format(LocalDate.ofInstant(at, ZoneOffset.UTC));
  }

  static String duration(Duration d) {
    long minutes = d.toMinutes();
    return minutes >= 60 ? (minutes / 60) + " h " + (minutes % 60) + " min" : minutes + " min";
  }

  private static String layout(String context, TenantConfig tenant, String title, String body) {
    String primary = tenant == null ? "#1d4f91" : tenant.brand().primary();
    String brand = tenant == null ? "<span class=\"brand-name\">Certificate verification</span>"
        : (tenant.brand().logo() == null ? "" : "<img class=\"logo\" alt=\"\" src=\"" + escape(context) + "/t/"
            + escape(tenant.slug()) + "/brand/logo\"/>") + "<span class=\"brand-name\">" + escape(tenant.name()) + "</span>";
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/>"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>" + escape(title)
        + "</title><style>"
        + "body{font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;color:#1d2733;background:#f5f6f8}"
        + "header{display:flex;align-items:center;gap:.75rem;padding:.75rem 1.5rem;background:#fff;border-bottom:4px solid "
        + primary + "}.logo{height:36px}.brand-name{font-weight:700}"
        + "main{max-width:46rem;margin:1.5rem auto;padding:0 1rem}h1{font-size:1.5rem}"
        + ".status{padding:1rem;border-radius:8px;border:1px solid}.status-valid{background:#e7f5ec;border-color:#1e7b43}"
        + ".status-expired{background:#fff4e0;border-color:#8a5a00}.status-revoked,.status-invalid,.status-unknown"
        + "{background:#fdecea;border-color:#a4231a}"
        + "dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1rem;background:#fff;padding:1rem;"
        + "border-radius:8px}dt{font-weight:600;color:#4a5563}dd{margin:0}.muted{color:#4a5563;font-size:.875rem}"
        + ".card{background:#fff;padding:1rem;border-radius:8px;margin:1rem 0}a{color:#1d4f91}"
        + "textarea{max-width:100%}.check-fail{color:#a4231a}"
        + "</style></head><body><header>" + brand + "</header><main><h1>" + escape(title) + "</h1>" + body
        + "</main></body></html>";
  }
}
