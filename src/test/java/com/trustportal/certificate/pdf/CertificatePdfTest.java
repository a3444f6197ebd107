package com.trustportal.certificate.pdf;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CertificatePdfTest {

    @Test
    void rendersOneA4LandscapePageWithAllFactsAndEmbeddedFonts() throws Exception {
        byte[] pdf = CertificatePdf.render(Sheets.sheet("Ada Lovelace"));

        try (PDDocument document = PdfProbe.load(pdf)) {
            assertEquals(1, document.getNumberOfPages());
            PDPage page = document.getPage(0);
            PDRectangle size = PdfProbe.visibleSize(page);
            assertEquals(842f, size.getWidth(), 0.5f);
            assertEquals(595f, size.getHeight(), 0.5f);
            List<PDFont> fonts = PdfProbe.fonts(page);
            assertFalse(fonts.isEmpty());
            for (PDFont font : fonts) {
                assertTrue(font.isEmbedded(), font.getName() + " must be embedded");
            }
        }
        String text = PdfProbe.text(pdf);
        assertAll(
                () -> assertTrue(text.contains("Certificate of Completion"), text),
                () -> assertTrue(text.contains("Ada Lovelace"), text),
                () -> assertTrue(text.contains("Jakarta EE Security Fundamentals"), text),
                () -> assertTrue(text.contains("Version 2.1"), text),
                () -> assertTrue(text.contains("Completed on 26 November 2026"), text),
                () -> assertTrue(text.contains("Final assessment: 92%"), text),
                () -> assertTrue(text.contains("Time spent: 3 h 05 min"), text),
                () -> assertTrue(text.contains("Valid until 26 November 2027"), text),
                () -> assertTrue(text.contains("Grace Hopper"), text),
                () -> assertTrue(text.contains("Head of Training"), text),
                () -> assertTrue(text.contains(Sheets.CODE), text),
                () -> assertTrue(text.contains("Verify at " + Sheets.VERIFY_URL), text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zoë Ångström-Ñúñez", "Анна Каренина"})
    void latinAccentsAndCyrillicAreExtractable(String name) throws Exception {
        String text = PdfProbe.text(CertificatePdf.render(Sheets.sheet(name)));

        assertTrue(text.contains(name), text);
    }

    /**
     * The Arabic name is drawn as shaped presentation forms (U+FExx) in visual order. NFKC maps the
     * presentation forms back to the base letters, and PDFTextStripper reorders right-to-left runs to
     * logical order, so the extracted text must contain the name as typed. The text must also hold
     * presentation forms, which proves it was shaped rather than drawn as isolated letters.
     */
    @Test
    void arabicIsShapedAndExtractable() throws Exception {
        String name = "ليلى عبد الله";
        String text = PdfProbe.text(CertificatePdf.render(Sheets.sheet(name)));

        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC);
        assertTrue(normalised.contains(Normalizer.normalize(name, Normalizer.Form.NFKC)), normalised);
        assertFalse(text.contains("?"), "all Arabic letters must have glyphs: " + text);
        assertTrue(PdfProbe.glyphs(CertificatePdf.render(Sheets.sheet(name))).stream()
                        .map(TextPosition::getUnicode)
                        .anyMatch(glyph -> glyph.codePoints().anyMatch(cp -> cp >= 0xFE70 && cp <= 0xFEFF)),
                "Arabic must be drawn as shaped presentation forms");
    }

    @Test
    void rendersConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<byte[]>> pdfs = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String name = "Learner " + i;
                pdfs.add(pool.submit(() -> CertificatePdf.render(Sheets.sheet(name))));
            }
            for (int i = 0; i < pdfs.size(); i++) {
                assertTrue(PdfProbe.text(pdfs.get(i).get()).contains("Learner " + i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void qrCodeDecodesToTheVerifyUrl() throws Exception {
        byte[] pdf = CertificatePdf.render(Sheets.sheet("Ada Lovelace"));

        BufferedImage image;
        try (PDDocument document = PdfProbe.load(pdf)) {
            image = new PDFRenderer(document).renderImageWithDPI(0, 200, ImageType.RGB);
        }
        Result result = new MultiFormatReader().decode(
                new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
                        DecodeHintType.TRY_HARDER, Boolean.TRUE));
        assertEquals(Sheets.VERIFY_URL, result.getText());
    }

    /**
     * Random codes, from a fixed seed so that a failure names a code that fails again. Each is read the way a phone
     * camera app does: the bottom-right corner first, then the whole page, at 200 and 300 dpi, with two binarizers;
     * the first reading must give back the URL exactly.
     */
    @Test
    void qrCodesOfManyRandomCodesAllDecode() throws Exception {
        java.util.Random random = new java.util.Random(Long.getLong("qr.seed", 20261127L));
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        int codes = Integer.getInteger("qr.codes", 20);
        List<String> firstTryMisses = new ArrayList<>();
        for (int n = 0; n < codes; n++) {
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < 28; i++) {
                code.append(i > 0 && i % 4 == 0 ? "-" : "").append(alphabet.charAt(random.nextInt(32)));
            }
            String url = "http://localhost:8080/verify/" + code;
            CertificateSheet base = Sheets.sheet("Zoë Ångström-Ñúñez");
            CertificateSheet sheet = new CertificateSheet(base.tenantName(), Sheets.svg(Sheets.GLOBEX_SVG),
                    base.primaryColour(), base.accentColour(), base.signerName(), base.signerTitle(), base.learnerName(),
                    base.courseTitle(), base.courseVersion(), base.completedOn(), base.expiresOn(), base.scorePercent(),
                    base.secondsSpent(), code.toString(), url);
            byte[] pdf = CertificatePdf.render(sheet);
            Reading reading = readQr(pdf, code.toString());
            assertEquals(url, reading.text(), code.toString());
            if (reading.attempt() > 0) {
                firstTryMisses.add(code + " (attempt " + reading.attempt() + ")");
            }
        }
        assertEquals(List.of(), firstTryMisses, "every code is read from the corner at 200 dpi at the first try");
    }

    @Test
    void scoreAndTimeSpentAreLeftOffWhenTheLearnerDidNotPublishThem() throws Exception {
        CertificateSheet base = Sheets.sheet("Ada Lovelace");
        CertificateSheet neither = new CertificateSheet(base.tenantName(), base.logo(), base.primaryColour(),
                base.accentColour(), base.signerName(), base.signerTitle(), base.learnerName(), base.courseTitle(),
                base.courseVersion(), base.completedOn(), base.expiresOn(), null, null, base.code(), base.verifyUrl());
        String text = PdfProbe.text(CertificatePdf.render(neither));
        assertTrue(text.contains("Completed on 26 November 2026"), text);
        assertTrue(text.contains("Ada Lovelace"), text);
        assertFalse(text.contains("Final assessment"), text);
        assertFalse(text.contains("Time spent"), text);

        CertificateSheet scoreOnly = new CertificateSheet(base.tenantName(), base.logo(), base.primaryColour(),
                base.accentColour(), base.signerName(), base.signerTitle(), base.learnerName(), base.courseTitle(),
                base.courseVersion(), base.completedOn(), base.expiresOn(), 92, null, base.code(), base.verifyUrl());
        String scored = PdfProbe.text(CertificatePdf.render(scoreOnly));
        assertTrue(scored.contains("Final assessment: 92%"), scored);
        assertFalse(scored.contains("Time spent"), scored);
    }

    /** A code whose symbol with the standard mask ZXing's detector cannot find (seen in CI): the PDF uses another mask. */
    @Test
    void aSymbolTheDetectorCannotFindGetsAnotherMask() throws Exception {
        String code = "3DMJ-S91C-QNFG-FWHF-CN4J-YGTH-W7ZV";
        String url = "http://localhost:8080/verify/" + code;
        CertificateSheet base = Sheets.sheet("Ada Lovelace");
        CertificateSheet sheet = new CertificateSheet(base.tenantName(), base.logo(), base.primaryColour(),
                base.accentColour(), base.signerName(), base.signerTitle(), base.learnerName(), base.courseTitle(),
                base.courseVersion(), base.completedOn(), base.expiresOn(), base.scorePercent(), base.secondsSpent(), code, url);
        Reading reading = readQr(CertificatePdf.render(sheet), code);
        assertEquals(url, reading.text());
        assertEquals(0, reading.attempt(), "read at the first try");
    }

    private record Reading(String text, int attempt) {}

    private static Reading readQr(byte[] pdf, String code) throws Exception {
        int attempt = 0;
        try (PDDocument document = PdfProbe.load(pdf)) {
            for (int dpi : new int[] {200, 300}) {
                BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, dpi, ImageType.RGB);
                BufferedImage corner = page.getSubimage(page.getWidth() * 3 / 4, page.getHeight() / 2, page.getWidth() / 4,
                        page.getHeight() / 2);
                for (BufferedImage image : List.of(corner, page)) {
                    for (boolean hybrid : new boolean[] {true, false}) {
                        BufferedImageLuminanceSource source = new BufferedImageLuminanceSource(image);
                        BinaryBitmap bitmap = new BinaryBitmap(hybrid ? new HybridBinarizer(source)
                                : new com.google.zxing.common.GlobalHistogramBinarizer(source));
                        try {
                            return new Reading(new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.POSSIBLE_FORMATS,
                                    List.of(BarcodeFormat.QR_CODE), DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText(), attempt);
                        } catch (com.google.zxing.NotFoundException e) {
                            attempt++;
                        }
                    }
                }
            }
        }
        throw new AssertionError("the QR code of " + code + " could not be read in " + attempt + " attempts");
    }

    @Test
    void longNameAndCourseTitleStayInsideThePage() throws Exception {
        String name = "Maximiliana Alexandrina Konstantinopoulou-Vanderbilt de la Cruz y Montenegro III";
        String course = "Advanced Enterprise Integration Patterns with Jakarta EE 10, MicroProfile 6.1, "
                + "Reactive Messaging, Observability and Zero-Trust Security in Banking II";
        assertEquals(80, name.length());
        assertEquals(150, course.length());

        byte[] pdf = CertificatePdf.render(Sheets.sheet(name, course, Sheets.svg(Sheets.ACME_SVG), null));

        String text = PdfProbe.text(pdf).replaceAll("\\s+", " ");
        assertTrue(text.contains(name), text);
        assertTrue(text.contains(course), text);
        float innerFrame = 30f;
        PDRectangle page = CertificatePdf.PAGE_SIZE;
        for (TextPosition glyph : PdfProbe.glyphs(pdf)) {
            String where = glyph.getUnicode() + " at " + glyph.getXDirAdj() + "," + glyph.getYDirAdj();
            assertTrue(glyph.getXDirAdj() >= innerFrame, where);
            assertTrue(glyph.getXDirAdj() + glyph.getWidthDirAdj() <= page.getWidth() - innerFrame, where);
            assertTrue(glyph.getYDirAdj() - glyph.getHeightDir() >= innerFrame, where);
            assertTrue(glyph.getYDirAdj() <= page.getHeight() - innerFrame, where);
        }
    }

    @Test
    void certificateWithoutExpirySaysSo() throws Exception {
        String text = PdfProbe.text(CertificatePdf.render(
                Sheets.sheet("Ada Lovelace", "Jakarta Persistence", null, null)));

        assertTrue(text.contains("Does not expire"), text);
        assertTrue(text.contains(Sheets.TENANT), "no logo: the tenant name is shown instead: " + text);
        assertFalse(text.contains("Valid until"), text);
    }

    @Test
    void oddInputNeverThrows() throws Exception {
        CertificateSheet odd = new CertificateSheet(null, new CertificateSheet.Logo(new byte[0], null), "red",
                "#12345", null, null, "Name 漢字\u0000\t tab", null, null, LocalDate.of(2026, 1, 1),
                null, 140, -5L, null, "");

        String text = PdfProbe.text(CertificatePdf.render(odd));

        assertTrue(text.contains("Name ?? tab"), text);
        assertTrue(text.contains("Final assessment: 100%"), text);
        assertTrue(text.contains("Time spent: 0 min"), text);
    }
}
