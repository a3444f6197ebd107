package com.trustportal.certificate.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Reads a rendered certificate back with PDFBox for assertions. */
final class PdfProbe {

    private PdfProbe() {
    }

    static PDDocument load(byte[] pdf) {
        try {
            return Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = load(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** Page size as seen by a viewer, i.e. with the page rotation applied. */
    static PDRectangle visibleSize(PDPage page) {
        PDRectangle box = page.getMediaBox();
        return page.getRotation() % 180 == 0 ? box : new PDRectangle(box.getHeight(), box.getWidth());
    }

    static List<PDFont> fonts(PDPage page) throws IOException {
        PDResources resources = page.getResources();
        List<PDFont> fonts = new ArrayList<>();
        for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        return fonts;
    }

    static int imageCount(byte[] pdf) throws IOException {
        try (PDDocument document = load(pdf)) {
            PDResources resources = document.getPage(0).getResources();
            int images = 0;
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject) {
                    images++;
                }
            }
            return images;
        }
    }

    /** Every glyph position on the first page, in display coordinates (origin top-left). */
    static List<TextPosition> glyphs(byte[] pdf) throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                glyphs.add(text);
                super.processTextPosition(text);
            }
        };
        try (PDDocument document = load(pdf)) {
            stripper.getText(document);
        }
        return glyphs;
    }
}
