package com.trustportal.certificate.pdf;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/** A QR code (error correction M) drawn as vector rectangles, one per horizontal run of dark modules. */
final class QrCode {

    private final BitMatrix modules;

    private QrCode(BitMatrix modules) {
        this.modules = modules;
    }

    /** Encodes {@code content}, or returns empty when it is blank or too long for a QR code. */
    static Optional<QrCode> encode(String content) {
        if (content == null || content.isBlank()) {
            return Optional.empty();
        }
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 0);
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(content)) {
            // only non-ASCII content needs the UTF-8 ECI header; plain URLs stay maximally compatible
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        try {
            BitMatrix standard = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, hints);
            if (readable(standard, content)) {
                return Optional.of(new QrCode(standard));
            }
            // A few symbols with the standard mask are not found by ZXing's finder-pattern detector (the one many
            // Android scanner apps use), though they are valid: pick the first of the eight masks that it reads.
            for (int mask = 0; mask < 8; mask++) {
                hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
                BitMatrix masked = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, hints);
                if (readable(masked, content)) {
                    return Optional.of(new QrCode(masked));
                }
            }
            return Optional.of(new QrCode(standard));
        } catch (WriterException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether a scanner that has to find the symbol in a picture (not told where it is) reads back {@code content}. */
    static boolean readable(BitMatrix symbol, String content) {
        int scale = 4;
        int quiet = 4;
        int side = (symbol.getWidth() + 2 * quiet) * scale;
        byte[] pixels = new byte[side * side];
        java.util.Arrays.fill(pixels, (byte) 0xFF);
        for (int row = 0; row < symbol.getHeight(); row++) {
            for (int column = 0; column < symbol.getWidth(); column++) {
                if (symbol.get(column, row)) {
                    for (int dy = 0; dy < scale; dy++) {
                        int offset = ((row + quiet) * scale + dy) * side + (column + quiet) * scale;
                        java.util.Arrays.fill(pixels, offset, offset + scale, (byte) 0);
                    }
                }
            }
        }
        com.google.zxing.LuminanceSource source =
            new com.google.zxing.PlanarYUVLuminanceSource(pixels, side, side, 0, 0, side, side, false);
        try {
            return content.equals(new com.google.zxing.qrcode.QRCodeReader().decode(
                new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(source)),
                Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText());
        } catch (com.google.zxing.ReaderException e) {
            return false;
        }
    }

    /**
     * Draws the symbol as a {@code size}-point square with its lower-left corner at (x, y). The caller
     * keeps a light quiet zone of four modules around it.
     */
    void draw(PDPageContentStream out, float x, float y, float size) throws IOException {
        int count = modules.getWidth();
        float module = size / count;
        float top = y + size;
        out.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < count; row++) {
            int column = 0;
            while (column < count) {
                if (!modules.get(column, row)) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < count && modules.get(column, row)) {
                    column++;
                }
                out.addRect(x + start * module, top - (row + 1) * module, (column - start) * module, module);
            }
        }
        out.fill();
    }
}
