package com.trustportal.certificate.pdf;

import java.io.IOException;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Draws a tenant logo (SVG subset as vectors, PNG or JPEG as an image) into a box, if it can. */
final class LogoPainter {

    private LogoPainter() {
    }

    /**
     * Draws {@code logo} scaled into the box with top-left corner ({@code left}, {@code top}).
     *
     * @return {@code false}, having drawn nothing, when there is no logo or it cannot be drawn
     */
    static boolean draw(PDDocument document, PDPageContentStream out, PageFonts fonts, CertificateSheet.Logo logo,
                        float left, float top, float maxWidth, float maxHeight) throws IOException {
        if (logo == null || logo.bytes() == null || logo.mediaType() == null) {
            return false;
        }
        String mediaType = logo.mediaType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        return switch (mediaType) {
            case "image/svg+xml" -> drawSvg(out, fonts, logo.bytes(), left, top, maxWidth, maxHeight);
            case "image/png", "image/jpeg", "image/jpg" ->
                    drawRaster(document, out, logo.bytes(), left, top, maxWidth, maxHeight);
            default -> false;
        };
    }

    private static boolean drawSvg(PDPageContentStream out, PageFonts fonts, byte[] bytes,
                                   float left, float top, float maxWidth, float maxHeight) throws IOException {
        SvgLogo svg;
        try {
            svg = SvgLogo.parse(bytes);
        } catch (SvgException | RuntimeException e) {
            return false; // unsupported or broken SVG: the caller shows the tenant name instead
        }
        svg.draw(out, fonts, left, top, maxWidth, maxHeight);
        return true;
    }

    private static boolean drawRaster(PDDocument document, PDPageContentStream out, byte[] bytes,
                                      float left, float top, float maxWidth, float maxHeight) throws IOException {
        PDImageXObject image;
        try {
            image = PDImageXObject.createFromByteArray(document, bytes, "logo");
        } catch (IOException | RuntimeException e) {
            return false; // not a readable PNG/JPEG
        }
        if (image.getWidth() <= 0 || image.getHeight() <= 0) {
            return false;
        }
        float scale = Math.min(maxWidth / image.getWidth(), maxHeight / image.getHeight());
        float w = image.getWidth() * scale;
        float h = image.getHeight() * scale;
        out.drawImage(image, left, top - (maxHeight + h) / 2f, w, h);
        return true;
    }
}
