package com.trustportal.certificate.pdf;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;

/**
 * Turns logical-order text into the visual glyph order a PDF content stream needs.
 *
 * <p>PDFBox neither shapes nor reorders: Arabic letters are replaced by their contextual presentation
 * forms (ICU {@link ArabicShaping}) and right-to-left runs are reordered with ICU {@link Bidi}.
 * Text without right-to-left characters (Latin, Cyrillic, ...) is returned unchanged.
 */
final class BidiText {

    private BidiText() {
    }

    static String toVisual(String logical) {
        char[] chars = logical.toCharArray();
        if (!Bidi.requiresBidi(chars, 0, chars.length)) {
            return logical;
        }
        String shaped;
        try {
            shaped = new ArabicShaping(ArabicShaping.LETTERS_SHAPE
                    | ArabicShaping.TEXT_DIRECTION_LOGICAL
                    | ArabicShaping.LENGTH_GROW_SHRINK).shape(logical);
        } catch (ArabicShapingException e) {
            shaped = logical; // unshaped letters are still readable and extractable
        }
        Bidi bidi = new Bidi(shaped, Bidi.LEVEL_DEFAULT_LTR);
        return bidi.writeReordered(Bidi.DO_MIRRORING | Bidi.REMOVE_BIDI_CONTROLS);
    }
}
