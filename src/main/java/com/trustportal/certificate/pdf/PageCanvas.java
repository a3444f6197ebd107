package com.trustportal.certificate.pdf;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/** Small drawing vocabulary over a page content stream, in PDF points with the origin bottom-left. */
final class PageCanvas {

    private final PDPageContentStream out;

    PageCanvas(PDPageContentStream out) {
        this.out = out;
    }

    PDPageContentStream stream() {
        return out;
    }

    void text(ShownText text, float size, Rgb colour, float x, float baseline) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        fillColour(colour);
        out.beginText();
        out.setFont(text.font(), size);
        out.newLineAtOffset(x, baseline);
        out.showText(text.glyphs());
        out.endText();
    }

    void centred(ShownText text, float size, Rgb colour, float centreX, float baseline) throws IOException {
        text(text, size, colour, centreX - text.width(size) / 2f, baseline);
    }

    void rightAligned(ShownText text, float size, Rgb colour, float right, float baseline) throws IOException {
        text(text, size, colour, right - text.width(size), baseline);
    }

    void line(Rgb colour, float width, float x1, float y1, float x2, float y2) throws IOException {
        out.setStrokingColor(colour.red(), colour.green(), colour.blue());
        out.setLineWidth(width);
        out.moveTo(x1, y1);
        out.lineTo(x2, y2);
        out.stroke();
    }

    void strokeRect(Rgb colour, float width, float x, float y, float w, float h) throws IOException {
        out.setStrokingColor(colour.red(), colour.green(), colour.blue());
        out.setLineWidth(width);
        out.addRect(x, y, w, h);
        out.stroke();
    }

    void fillRect(Rgb colour, float x, float y, float w, float h) throws IOException {
        fillColour(colour);
        out.addRect(x, y, w, h);
        out.fill();
    }

    private void fillColour(Rgb colour) throws IOException {
        out.setNonStrokingColor(colour.red(), colour.green(), colour.blue());
    }
}
