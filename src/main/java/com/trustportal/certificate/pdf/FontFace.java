package com.trustportal.certificate.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The bundled DejaVu typefaces. The font files are read once per JVM together with the set of code
 * points each one covers; {@link PageFonts} turns them into per-document PDF fonts.
 */
enum FontFace {
    SANS("DejaVuSans.ttf"),
    SANS_BOLD("DejaVuSans-Bold.ttf"),
    SERIF_BOLD("DejaVuSerif-Bold.ttf");

    private static final int LAST_CODE_POINT = 0x2FFFF;

    private final byte[] bytes;
    private final BitSet coverage;

    FontFace(String file) {
        this.bytes = read("/certificate/fonts/" + file);
        this.coverage = coverageOf(bytes);
    }

    byte[] bytes() {
        return bytes;
    }

    boolean covers(int codePoint) {
        return codePoint >= 0 && coverage.get(codePoint);
    }

    private static byte[] read(String resource) {
        try (InputStream in = FontFace.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing font resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BitSet coverageOf(byte[] fontBytes) {
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(fontBytes))) {
            CmapLookup cmap = font.getUnicodeCmapLookup();
            BitSet covered = new BitSet(LAST_CODE_POINT + 1);
            for (int cp = 0; cp <= LAST_CODE_POINT; cp++) {
                if (cmap.getGlyphId(cp) > 0) {
                    covered.set(cp);
                }
            }
            return covered;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
