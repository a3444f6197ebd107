package com.trustportal.certificate.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * An outline in SVG user units made of move, line, cubic Bézier and close segments. Builds the
 * geometry of the basic SVG shapes and parses path data with the commands M, L, H, V, C, Q and Z
 * (absolute and relative).
 */
final class SvgPath {

    /** Bézier control distance approximating a quarter circle of radius 1. */
    private static final float KAPPA = 0.5522848f;

    private sealed interface Segment permits MoveTo, LineTo, CurveTo, Close {
    }

    private record MoveTo(float x, float y) implements Segment {
    }

    private record LineTo(float x, float y) implements Segment {
    }

    private record CurveTo(float x1, float y1, float x2, float y2, float x, float y) implements Segment {
    }

    private record Close() implements Segment {
    }

    private final List<Segment> segments = new ArrayList<>();
    private float currentX;
    private float currentY;
    private float startX;
    private float startY;

    void moveTo(float x, float y) {
        segments.add(new MoveTo(x, y));
        currentX = x;
        currentY = y;
        startX = x;
        startY = y;
    }

    void lineTo(float x, float y) {
        segments.add(new LineTo(x, y));
        currentX = x;
        currentY = y;
    }

    void curveTo(float x1, float y1, float x2, float y2, float x, float y) {
        segments.add(new CurveTo(x1, y1, x2, y2, x, y));
        currentX = x;
        currentY = y;
    }

    void close() {
        segments.add(new Close());
        currentX = startX;
        currentY = startY;
    }

    boolean isEmpty() {
        return segments.isEmpty();
    }

    static SvgPath rectangle(float x, float y, float w, float h, float rx, float ry) {
        SvgPath p = new SvgPath();
        float cx = Math.min(rx, w / 2f);
        float cy = Math.min(ry, h / 2f);
        if (cx <= 0f || cy <= 0f) {
            p.moveTo(x, y);
            p.lineTo(x + w, y);
            p.lineTo(x + w, y + h);
            p.lineTo(x, y + h);
            p.close();
            return p;
        }
        float kx = cx * KAPPA;
        float ky = cy * KAPPA;
        p.moveTo(x + cx, y);
        p.lineTo(x + w - cx, y);
        p.curveTo(x + w - cx + kx, y, x + w, y + cy - ky, x + w, y + cy);
        p.lineTo(x + w, y + h - cy);
        p.curveTo(x + w, y + h - cy + ky, x + w - cx + kx, y + h, x + w - cx, y + h);
        p.lineTo(x + cx, y + h);
        p.curveTo(x + cx - kx, y + h, x, y + h - cy + ky, x, y + h - cy);
        p.lineTo(x, y + cy);
        p.curveTo(x, y + cy - ky, x + cx - kx, y, x + cx, y);
        p.close();
        return p;
    }

    static SvgPath ellipse(float cx, float cy, float rx, float ry) {
        SvgPath p = new SvgPath();
        float kx = rx * KAPPA;
        float ky = ry * KAPPA;
        p.moveTo(cx + rx, cy);
        p.curveTo(cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry);
        p.curveTo(cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy);
        p.curveTo(cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry);
        p.curveTo(cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy);
        p.close();
        return p;
    }

    /** A polyline or, when {@code closed}, a polygon through the coordinate pairs in {@code points}. */
    static SvgPath polyline(String points, boolean closed) throws SvgException {
        Scanner scanner = new Scanner(points);
        SvgPath p = new SvgPath();
        while (scanner.hasNumber()) {
            float x = scanner.number();
            float y = scanner.number();
            if (p.isEmpty()) {
                p.moveTo(x, y);
            } else {
                p.lineTo(x, y);
            }
        }
        if (!scanner.atEnd()) {
            throw new SvgException("Invalid points: " + points);
        }
        if (closed && !p.isEmpty()) {
            p.close();
        }
        return p;
    }

    /** Parses SVG path data; unsupported commands (S, T, A, ...) are rejected. */
    static SvgPath parse(String data) throws SvgException {
        Scanner scanner = new Scanner(data);
        SvgPath p = new SvgPath();
        char command = 0;
        while (!scanner.atEnd()) {
            if (scanner.hasCommand()) {
                command = scanner.command();
            } else if (command == 0 || command == 'Z' || command == 'z') {
                throw new SvgException("Path data must start with a command: " + data);
            }
            if (p.isEmpty() && command != 'M' && command != 'm') {
                throw new SvgException("Path data must start with M: " + data);
            }
            command = p.apply(command, scanner);
        }
        return p;
    }

    /** Applies one command with its arguments; returns the command implied if arguments repeat. */
    private char apply(char command, Scanner in) throws SvgException {
        boolean relative = Character.isLowerCase(command);
        float dx = relative ? currentX : 0f;
        float dy = relative ? currentY : 0f;
        switch (Character.toUpperCase(command)) {
            case 'M' -> {
                moveTo(in.number() + dx, in.number() + dy);
                return relative ? 'l' : 'L';
            }
            case 'L' -> lineTo(in.number() + dx, in.number() + dy);
            case 'H' -> lineTo(in.number() + dx, currentY);
            case 'V' -> lineTo(currentX, in.number() + dy);
            case 'C' -> curveTo(in.number() + dx, in.number() + dy, in.number() + dx, in.number() + dy,
                    in.number() + dx, in.number() + dy);
            case 'Q' -> {
                float qx = in.number() + dx;
                float qy = in.number() + dy;
                float x = in.number() + dx;
                float y = in.number() + dy;
                curveTo(currentX + 2f / 3f * (qx - currentX), currentY + 2f / 3f * (qy - currentY),
                        x + 2f / 3f * (qx - x), y + 2f / 3f * (qy - y), x, y);
            }
            case 'Z' -> close();
            default -> throw new SvgException("Unsupported path command " + command);
        }
        return command;
    }

    /** Emits the outline into the current PDF path. */
    void addTo(PDPageContentStream out) throws IOException {
        for (Segment segment : segments) {
            if (segment instanceof MoveTo m) {
                out.moveTo(m.x(), m.y());
            } else if (segment instanceof LineTo l) {
                out.lineTo(l.x(), l.y());
            } else if (segment instanceof CurveTo c) {
                out.curveTo(c.x1(), c.y1(), c.x2(), c.y2(), c.x(), c.y());
            } else {
                out.closePath();
            }
        }
    }

    /** Tokenizer for path data and point lists: commands, numbers, whitespace and commas. */
    private static final class Scanner {
        private final String text;
        private int pos;

        Scanner(String text) {
            this.text = text == null ? "" : text;
        }

        boolean atEnd() {
            skipSeparators();
            return pos >= text.length();
        }

        boolean hasCommand() {
            return !atEnd() && Character.isLetter(text.charAt(pos));
        }

        boolean hasNumber() {
            return !atEnd() && !Character.isLetter(text.charAt(pos));
        }

        char command() {
            skipSeparators();
            return text.charAt(pos++);
        }

        float number() throws SvgException {
            skipSeparators();
            int start = pos;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            boolean dot = false;
            while (pos < text.length()
                    && (Character.isDigit(text.charAt(pos)) || (text.charAt(pos) == '.' && !dot))) {
                dot |= text.charAt(pos) == '.';
                pos++;
            }
            if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
                pos++;
                if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                    pos++;
                }
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            }
            try {
                float value = Float.parseFloat(text.substring(start, pos));
                if (!Float.isFinite(value)) {
                    throw new SvgException("Number out of range in: " + text);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new SvgException("Expected a number at " + start + " in: " + text, e);
            }
        }

        private void skipSeparators() {
            while (pos < text.length() && (Character.isWhitespace(text.charAt(pos)) || text.charAt(pos) == ',')) {
                pos++;
            }
        }
    }
}
