package com.trustportal.certificate.pdf;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tenant name is printed as a line of its own only when the logo could not be drawn (the signer line names
 * the organisation too, after the title), which makes fallback observable.
 */
class LogoTest {

    private static final String XXE_SVG = "<?xml version=\"1.0\"?><!DOCTYPE svg ["
            + "<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 40\">"
            + "<text x=\"0\" y=\"30\">&xxe;</text></svg>";

    private static final String UNSUPPORTED_SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 40\">"
            + "<defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"red\"/></linearGradient></defs>"
            + "<rect width=\"100\" height=\"40\" fill=\"url(#g)\"/></svg>";

    @ParameterizedTest
    @ValueSource(strings = {Sheets.ACME_SVG, Sheets.GLOBEX_SVG})
    void realLogosParseAsVectors(String svg) {
        assertDoesNotThrow(() -> SvgLogo.parse(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void acmeLogoIsDrawnAsVectorsWithItsText() throws Exception {
        byte[] pdf = CertificatePdf.render(Sheets.sheet("Ada Lovelace", "Course", Sheets.svg(Sheets.ACME_SVG), null));

        String text = PdfProbe.text(pdf);
        assertTrue(text.contains("ACME"), text);
        assertFalse(fallback(text), "no fallback expected: " + text);
        assertEquals(0, PdfProbe.imageCount(pdf));
    }

    @Test
    void globexLogoIsDrawnAsVectorsWithItsText() throws Exception {
        byte[] pdf = CertificatePdf.render(
                Sheets.sheet("Ada Lovelace", "Course", Sheets.svg(Sheets.GLOBEX_SVG), null));

        String text = PdfProbe.text(pdf);
        assertTrue(text.contains("Globex"), text);
        assertFalse(fallback(text), "no fallback expected: " + text);
        assertEquals(0, PdfProbe.imageCount(pdf));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"4\"",
        XXE_SVG,
        UNSUPPORTED_SVG,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"4\" height=\"4\""
                + " transform=\"rotate(45)\"/></svg>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><path d=\"M0 0 A5 5 0 0 1 10 10\"/></svg>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"4\" height=\"4\"/></svg>",
        "<html><body/></html>"
    })
    void badOrUnsupportedSvgFallsBackToTenantName(String svg) throws Exception {
        assertThrows(SvgException.class, () -> SvgLogo.parse(svg.getBytes(StandardCharsets.UTF_8)));

        String text = PdfProbe.text(CertificatePdf.render(
                Sheets.sheet("Ada Lovelace", "Course", Sheets.svg(svg), null)));

        assertTrue(fallback(text), text);
    }

    @Test
    void externalEntityIsNeverResolved() throws Exception {
        SvgException rejected = assertThrows(SvgException.class,
                () -> SvgLogo.parse(XXE_SVG.getBytes(StandardCharsets.UTF_8)));

        assertTrue(rejected.getCause().getMessage().contains("DOCTYPE"), rejected.getCause().getMessage());
    }

    @Test
    void pngLogoIsEmbeddedAsAnImage() throws Exception {
        byte[] png;
        try (InputStream in = LogoTest.class.getResourceAsStream("/certificate/logo.png")) {
            png = in.readAllBytes();
        }

        byte[] pdf = CertificatePdf.render(Sheets.sheet("Ada Lovelace", "Course",
                new CertificateSheet.Logo(png, "image/png"), null));

        assertEquals(1, PdfProbe.imageCount(pdf));
        assertFalse(fallback(PdfProbe.text(pdf)));
    }

    @Test
    void jpegLogoIsEmbeddedAsAnImage() throws Exception {
        BufferedImage image = new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 120, 40);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", jpeg);

        byte[] pdf = CertificatePdf.render(Sheets.sheet("Ada Lovelace", "Course",
                new CertificateSheet.Logo(jpeg.toByteArray(), "image/jpeg"), null));

        assertEquals(1, PdfProbe.imageCount(pdf));
        assertFalse(fallback(PdfProbe.text(pdf)));
    }

    @Test
    void unreadableRasterLogoFallsBackToTenantName() throws IOException {
        byte[] pdf = CertificatePdf.render(Sheets.sheet("Ada Lovelace", "Course",
                new CertificateSheet.Logo("not a png".getBytes(StandardCharsets.US_ASCII), "image/png"), null));

        assertEquals(0, PdfProbe.imageCount(pdf));
        assertTrue(fallback(PdfProbe.text(pdf)));
    }

    @Test
    void pathDataSupportsAbsoluteAndRelativeCommands() {
        assertDoesNotThrow(() -> SvgPath.parse(
                "M0 0 L10 0 l0 10 H0 h5 V2 v3 C1 2 3 4 5 6 c1,2,3,4,5,6 Q1 1 2 2 q1-1 2.5e0 .5 Z m1 1 2 2 z"));
        assertThrows(SvgException.class, () -> SvgPath.parse("M0 0 S1 1 2 2"));
        assertThrows(SvgException.class, () -> SvgPath.parse("L0 0"));
        assertThrows(SvgException.class, () -> SvgPath.parse("M0 0 L1"));
    }

    /** The tenant name drawn in place of the logo: a line with nothing else on it. */
    private static boolean fallback(String text) {
        return text.lines().anyMatch(line -> line.strip().equals(Sheets.TENANT));
    }
}
