package com.trustportal.certificate.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Renders completion certificates as one-page A4 landscape PDFs with embedded DejaVu fonts, the
 * tenant's logo and colours, and a QR code linking to the public verification page.
 */
public final class CertificatePdf {

    /** A4 landscape: 842 × 595 pt. */
    static final PDRectangle PAGE_SIZE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

    private CertificatePdf() {
    }

    /** One A4 landscape page; thread-safe; returns the PDF bytes. */
    public static byte[] render(CertificateSheet sheet) {
        Objects.requireNonNull(sheet, "sheet");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PAGE_SIZE);
            document.addPage(page);
            describe(document, sheet);
            PageFonts fonts = new PageFonts(document);
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                new CertificateLayout(document, new PageCanvas(out), fonts, sheet, PAGE_SIZE).draw();
            }
            ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
            document.save(pdf);
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render certificate " + sheet.code(), e);
        }
    }

    private static void describe(PDDocument document, CertificateSheet sheet) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle("Certificate of completion" + (sheet.learnerName() == null ? "" : " – " + sheet.learnerName()));
        info.setSubject(sheet.courseTitle());
        info.setAuthor(sheet.tenantName());
        info.setCreator("Trust Portal");
        document.getDocumentCatalog().setLanguage("en");
    }
}
