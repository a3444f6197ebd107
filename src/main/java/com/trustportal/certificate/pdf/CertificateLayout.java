package com.trustportal.certificate.pdf;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Lays out one certificate page: frame, logo, heading, learner, course, details, signer and
 * verification block. Every text line is shrunk to fit its width so nothing leaves the page.
 */
final class CertificateLayout {

    private static final Rgb DEFAULT_PRIMARY = new Rgb(0.114f, 0.208f, 0.341f);   // #1d3557
    private static final Rgb DEFAULT_ACCENT = new Rgb(0.788f, 0.635f, 0.153f);    // #c9a227
    private static final Rgb INK = new Rgb(0.114f, 0.153f, 0.2f);                 // #1d2733
    private static final Rgb MUTED = new Rgb(0.38f, 0.42f, 0.47f);
    private static final Rgb RULE = new Rgb(0.6f, 0.63f, 0.67f);

    private static final float MARGIN = 64f;
    private static final float TEXT_WIDTH = 640f;
    private static final float LOGO_WIDTH = 180f;
    private static final float LOGO_HEIGHT = 52f;
    private static final float QR_SIZE = 92f;
    private static final float SIGNER_WIDTH = 230f;
    private static final String SEPARATOR = "   ·   ";

    private final PDDocument document;
    private final PageCanvas canvas;
    private final PageFonts fonts;
    private final CertificateSheet sheet;
    private final float width;
    private final float height;
    private final float centre;
    private final Rgb primary;
    private final Rgb accent;

    CertificateLayout(PDDocument document, PageCanvas canvas, PageFonts fonts, CertificateSheet sheet,
                      PDRectangle page) {
        this.document = document;
        this.canvas = canvas;
        this.fonts = fonts;
        this.sheet = sheet;
        this.width = page.getWidth();
        this.height = page.getHeight();
        this.centre = width / 2f;
        this.primary = Rgb.parseHexOr(sheet.primaryColour(), DEFAULT_PRIMARY);
        this.accent = Rgb.parseHexOr(sheet.accentColour(), DEFAULT_ACCENT);
    }

    void draw() throws IOException {
        frame();
        logo();
        float y = heading();
        y = learner(y);
        y = course(y);
        details(y);
        signer();
        verification();
    }

    private void frame() throws IOException {
        canvas.strokeRect(primary, 10f, 15f, 15f, width - 30f, height - 30f);
        canvas.strokeRect(accent, 1.2f, 30f, 30f, width - 60f, height - 60f);
    }

    private void logo() throws IOException {
        float top = height - 58f;
        boolean drawn = LogoPainter.draw(document, canvas.stream(), fonts, sheet.logo(),
                MARGIN, top, LOGO_WIDTH, LOGO_HEIGHT);
        if (!drawn) {
            ShownText name = fonts.prepare(sheet.tenantName(), FontFace.SERIF_BOLD);
            float size = name.fittingSize(20f, LOGO_WIDTH);
            canvas.text(name, size, primary, MARGIN, top - LOGO_HEIGHT / 2f - size * 0.35f);
        }
    }

    /** Heading and decorative rule; returns the baseline of the next block. */
    private float heading() throws IOException {
        ShownText heading = fonts.prepare("Certificate of Completion", FontFace.SERIF_BOLD);
        float baseline = height - 150f;
        canvas.centred(heading, 32f, primary, centre, baseline);
        canvas.line(accent, 2f, centre - 40f, baseline - 18f, centre + 40f, baseline - 18f);
        centredLine("This is to certify that", 12f, MUTED, baseline - 50f, FontFace.SANS);
        return baseline - 94f;
    }

    private float learner(float baseline) throws IOException {
        centredLine(sheet.learnerName(), 34f, INK, baseline, FontFace.SERIF_BOLD, FontFace.SANS_BOLD);
        centredLine("has successfully completed", 12f, MUTED, baseline - 34f, FontFace.SANS);
        return baseline - 66f;
    }

    /** Course title on one or two lines (whichever allows the larger type), then its version. */
    private float course(float baseline) throws IOException {
        float maxSize = 22f;
        List<ShownText> lines = List.of(fonts.prepare(sheet.courseTitle(), FontFace.SANS_BOLD));
        float size = lines.get(0).fittingSize(maxSize, TEXT_WIDTH);
        if (size < maxSize * 0.8f) {
            Optional<List<ShownText>> twoLines = twoLines(sheet.courseTitle());
            if (twoLines.isPresent()) {
                float twoLineSize = twoLines.get().stream()
                        .map(line -> line.fittingSize(maxSize, TEXT_WIDTH))
                        .min(Float::compare)
                        .orElse(size);
                if (twoLineSize > size) {
                    lines = twoLines.get();
                    size = twoLineSize;
                }
            }
        }
        float y = baseline;
        for (ShownText line : lines) {
            canvas.centred(line, size, INK, centre, y);
            y -= size * 1.25f;
        }
        float versionBaseline = y + size * 1.25f - 22f;
        if (!isBlank(sheet.courseVersion())) {
            centredLine("Version " + sheet.courseVersion(), 11f, MUTED, versionBaseline, FontFace.SANS);
        }
        return Math.min(versionBaseline - 40f, 198f);
    }

    /** Splits the title at the word boundary that makes the longer of the two lines shortest. */
    private Optional<List<ShownText>> twoLines(String title) {
        List<String> words = List.of(nullToEmpty(title).strip().split("\\s+"));
        List<ShownText> best = null;
        float bestWidth = Float.MAX_VALUE;
        for (int split = 1; split < words.size(); split++) {
            ShownText first = fonts.prepare(String.join(" ", words.subList(0, split)), FontFace.SANS_BOLD);
            ShownText second = fonts.prepare(String.join(" ", words.subList(split, words.size())),
                    FontFace.SANS_BOLD);
            float longest = Math.max(first.width(1f), second.width(1f));
            if (longest < bestWidth) {
                bestWidth = longest;
                best = List.of(first, second);
            }
        }
        return Optional.ofNullable(best);
    }

    private void details(float baseline) throws IOException {
        // the score and the time only when the learner chose to publish them
        String facts = "Completed on " + CertificateText.date(sheet.completedOn())
                + (sheet.scorePercent() == null ? "" : SEPARATOR + CertificateText.score(sheet.scorePercent()))
                + (sheet.secondsSpent() == null ? "" : SEPARATOR + CertificateText.timeSpent(sheet.secondsSpent()));
        centredLine(facts, 11.5f, INK, baseline, FontFace.SANS);
        centredLine(CertificateText.validity(sheet.expiresOn()), 11.5f, primary, baseline - 19f, FontFace.SANS_BOLD);
    }

    /** Signer name above a signature line, title and organisation below it; the tenant signs when no signer is set. */
    private void signer() throws IOException {
        boolean hasSigner = !isBlank(sheet.signerName()) || !isBlank(sheet.signerTitle());
        String name = hasSigner ? sheet.signerName() : sheet.tenantName();
        // the issuing organisation is always named in text: a logo may not say it
        String title = hasSigner
            ? (isBlank(sheet.signerTitle()) ? "" : sheet.signerTitle() + ", ") + sheet.tenantName()
            : "Issuing organisation";
        float lineY = 100f;
        ShownText nameText = fonts.prepare(name, FontFace.SANS_BOLD);
        canvas.text(nameText, nameText.fittingSize(12f, SIGNER_WIDTH), INK, MARGIN, lineY + 8f);
        canvas.line(RULE, 0.75f, MARGIN, lineY, MARGIN + SIGNER_WIDTH, lineY);
        ShownText titleText = fonts.prepare(title, FontFace.SANS);
        canvas.text(titleText, titleText.fittingSize(10f, SIGNER_WIDTH), MUTED, MARGIN, lineY - 15f);
    }

    /** QR code bottom-right with the verification code and URL right-aligned beside it. */
    private void verification() throws IOException {
        float qrLeft = width - MARGIN - QR_SIZE;
        float qrBottom = 58f;
        Optional<QrCode> qr = QrCode.encode(sheet.verifyUrl());
        if (qr.isPresent()) {
            qr.get().draw(canvas.stream(), qrLeft, qrBottom, QR_SIZE);
        }
        float right = qrLeft - 16f;
        float maxWidth = right - (MARGIN + SIGNER_WIDTH + 30f);
        rightLine("Verification code", FontFace.SANS, 9f, MUTED, right, maxWidth, 128f);
        rightLine(sheet.code(), FontFace.SANS_BOLD, 13f, INK, right, maxWidth, 110f);
        rightLine("Verify at " + nullToEmpty(sheet.verifyUrl()), FontFace.SANS, 9f, MUTED, right, maxWidth, 93f);
    }

    private void centredLine(String text, float maxSize, Rgb colour, float baseline, FontFace... faces)
            throws IOException {
        ShownText shown = fonts.prepare(text, faces);
        canvas.centred(shown, shown.fittingSize(maxSize, TEXT_WIDTH), colour, centre, baseline);
    }

    private void rightLine(String text, FontFace face, float maxSize, Rgb colour, float right, float maxWidth,
                           float baseline) throws IOException {
        ShownText shown = fonts.prepare(text, face);
        canvas.rightAligned(shown, shown.fittingSize(maxSize, maxWidth), colour, right, baseline);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
