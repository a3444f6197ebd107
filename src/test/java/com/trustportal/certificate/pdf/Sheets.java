package com.trustportal.certificate.pdf;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** Certificate sheets and logos used by the tests and the benchmark. */
final class Sheets {

    static final String VERIFY_URL = "https://portal.example.com/verify/7K3M-9QXA-R2TB-H8WD-4NCE-P6LS-Z5FY";
    static final String CODE = "7K3M-9QXA-R2TB-H8WD-4NCE-P6LS-Z5FY";
    static final String TENANT = "Acme Training Ltd";

    static final String ACME_SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 40\" role=\"img\""
            + " aria-label=\"Acme\"><rect width=\"40\" height=\"40\" rx=\"8\" fill=\"#b3261e\"/>"
            + "<path d=\"M8 32 L20 8 L32 32 Z\" fill=\"#fff\"/><path d=\"M14 26 h12\" stroke=\"#e8a33d\""
            + " stroke-width=\"3\"/><text x=\"48\" y=\"28\" font-family=\"Georgia,serif\" font-size=\"20\""
            + " font-weight=\"700\" fill=\"#1d2733\">ACME</text></svg>";

    static final String GLOBEX_SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 130 40\" role=\"img\""
            + " aria-label=\"Globex\"><circle cx=\"20\" cy=\"20\" r=\"18\" fill=\"#0b6e4f\"/>"
            + "<ellipse cx=\"20\" cy=\"20\" rx=\"8\" ry=\"18\" fill=\"none\" stroke=\"#fff\" stroke-width=\"2\"/>"
            + "<path d=\"M2 20 h36\" stroke=\"#3aa7c9\" stroke-width=\"2\"/><text x=\"46\" y=\"27\""
            + " font-family=\"Verdana,sans-serif\" font-size=\"18\" font-weight=\"700\" fill=\"#1d2733\">Globex</text></svg>";

    private Sheets() {
    }

    static CertificateSheet.Logo svg(String svg) {
        return new CertificateSheet.Logo(svg.getBytes(StandardCharsets.UTF_8), "image/svg+xml");
    }

    static CertificateSheet sheet(String learner) {
        return sheet(learner, "Jakarta EE Security Fundamentals", svg(ACME_SVG), LocalDate.of(2027, 11, 26));
    }

    static CertificateSheet sheet(String learner, String course, CertificateSheet.Logo logo, LocalDate expiresOn) {
        return new CertificateSheet(TENANT, logo, "#b3261e", "#e8a33d", "Grace Hopper", "Head of Training",
                learner, course, "2.1", LocalDate.of(2026, 11, 26), expiresOn, 92, 3L * 3600 + 5 * 60 + 17,
                CODE, VERIFY_URL);
    }
}
