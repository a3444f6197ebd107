package com.trustportal.certificate.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text ready to be shown: in visual order, with every character available in {@code font}.
 *
 * @param font   the PDF font to show the text with
 * @param glyphs the characters to pass to {@code showText}
 */
record ShownText(PDFont font, String glyphs) {

    /** Advance width in points at the given font size. */
    float width(float size) {
        try {
            return font.getStringWidth(glyphs) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The largest size up to {@code maxSize} at which the text is at most {@code maxWidth} wide. */
    float fittingSize(float maxSize, float maxWidth) {
        float widthAtOnePoint = width(1f);
        return widthAtOnePoint <= 0f ? maxSize : Math.min(maxSize, maxWidth / widthAtOnePoint);
    }

    boolean isEmpty() {
        return glyphs.isEmpty();
    }
}
