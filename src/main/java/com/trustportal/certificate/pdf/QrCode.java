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
            return Optional.of(new QrCode(new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, hints)));
        } catch (WriterException | IllegalArgumentException e) {
            return Optional.empty();
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
