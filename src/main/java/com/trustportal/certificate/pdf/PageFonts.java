package com.trustportal.certificate.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.EnumMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts of one PDF document (PDFBox fonts belong to a single document). Fonts are embedded as
 * subsets and loaded only when first used.
 */
final class PageFonts {

    private final PDDocument document;
    private final Map<FontFace, PDType0Font> loaded = new EnumMap<>(FontFace.class);

    PageFonts(PDDocument document) {
        this.document = document;
    }

    /**
     * Prepares text for display with the first of {@code faces} that has a glyph for every character
     * (DejaVu Sans is always tried last, it has the widest coverage). Whitespace is collapsed,
     * right-to-left text is shaped and reordered, and characters no font has are replaced by '?' so
     * that odd input never makes the whole PDF fail.
     */
    ShownText prepare(String text, FontFace... faces) {
        String logical = Normalizer.normalize(
                text == null ? "" : text.replaceAll("\\s+", " ").strip(), Normalizer.Form.NFC);
        String visual = BidiText.toVisual(logical);
        FontFace face = bestFace(visual, faces);
        return new ShownText(font(face), withAvailableGlyphs(visual, face));
    }

    private PDType0Font font(FontFace face) {
        return loaded.computeIfAbsent(face, f -> {
            try {
                return PDType0Font.load(document, new ByteArrayInputStream(f.bytes()), true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static FontFace bestFace(String text, FontFace... faces) {
        FontFace best = FontFace.SANS;
        long fewestMissing = missing(text, best);
        for (int i = faces.length - 1; i >= 0; i--) {
            long missing = missing(text, faces[i]);
            if (missing <= fewestMissing) {
                best = faces[i];
                fewestMissing = missing;
            }
        }
        return best;
    }

    private static long missing(String text, FontFace face) {
        return text.codePoints().filter(cp -> isPrintable(cp) && !face.covers(cp)).count();
    }

    private static String withAvailableGlyphs(String text, FontFace face) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (!isPrintable(cp)) {
                return; // control and invisible format characters have nothing to draw
            }
            if (face.covers(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static boolean isPrintable(int cp) {
        return !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT;
    }
}
