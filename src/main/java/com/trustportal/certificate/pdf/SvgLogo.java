package com.trustportal.certificate.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.util.Matrix;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A logo in a small SVG subset, drawn as PDF vector graphics.
 *
 * <p>Supported: {@code svg} (viewBox or width/height), {@code g}, {@code rect} (incl. rx/ry),
 * {@code circle}, {@code ellipse}, {@code line}, {@code polyline}, {@code polygon}, {@code path}
 * (see {@link SvgPath}), {@code text} (plain content, drawn with DejaVu), and the properties fill,
 * stroke, stroke-width, fill-rule, font-size, font-weight, font-family and text-anchor, as attributes
 * or in a {@code style} attribute. Colours are {@code #rgb}, {@code #rrggbb}, basic names or
 * {@code none}. Anything else makes {@link #parse} fail, so the caller can fall back to plain text
 * instead of drawing a wrong logo. The XML parser refuses DTDs, so external entities (XXE) are
 * impossible.
 */
final class SvgLogo {

    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
    private static final int MAX_BYTES = 512 * 1024;
    private static final int MAX_ELEMENTS = 5_000;
    private static final Set<String> IGNORED_ELEMENTS = Set.of("title", "desc", "metadata");
    private static final Set<String> UNSUPPORTED_PROPERTIES = Set.of(
            "transform", "clip-path", "mask", "filter", "opacity", "fill-opacity", "stroke-opacity",
            "display", "visibility", "href", "marker-start", "marker-mid", "marker-end", "stroke-dasharray");

    /** Inherited presentation properties; a {@code null} paint means "none". */
    private record Style(Rgb fill, Rgb stroke, float strokeWidth, boolean evenOdd,
                         float fontSize, boolean bold, boolean serif, String anchor) {
        static final Style INITIAL = new Style(Rgb.BLACK, null, 1f, false, 16f, false, false, "start");
    }

    private sealed interface Drawable permits Shape, Label {
    }

    private record Shape(SvgPath path, Rgb fill, Rgb stroke, float strokeWidth, boolean evenOdd)
            implements Drawable {
    }

    private record Label(String text, float x, float y, Style style) implements Drawable {
    }

    private final float minX;
    private final float minY;
    private final float width;
    private final float height;
    private final List<Drawable> drawables;
    private int elementCount;

    private SvgLogo(float[] viewBox) {
        this.minX = viewBox[0];
        this.minY = viewBox[1];
        this.width = viewBox[2];
        this.height = viewBox[3];
        this.drawables = new ArrayList<>();
    }

    /** Parses an SVG document; fails on malformed XML, DTDs and anything outside the subset. */
    static SvgLogo parse(byte[] svg) throws SvgException {
        if (svg == null || svg.length == 0 || svg.length > MAX_BYTES) {
            throw new SvgException("Empty or oversized SVG");
        }
        Element root = parseXml(svg).getDocumentElement();
        if (!"svg".equals(localName(root)) || !isSvgNamespace(root)) {
            throw new SvgException("Root element is not svg");
        }
        SvgLogo logo = new SvgLogo(viewBox(root));
        logo.children(root, logo.style(root, Style.INITIAL));
        return logo;
    }

    /**
     * Draws the logo scaled to fit (keeping proportions) into the box whose top-left corner is
     * ({@code left}, {@code top}), left-aligned and vertically centred, clipped to the box.
     */
    void draw(PDPageContentStream out, PageFonts fonts, float left, float top, float maxWidth, float maxHeight)
            throws IOException {
        float scale = Math.min(maxWidth / width, maxHeight / height);
        float drawnTop = top - (maxHeight - height * scale) / 2f;
        out.saveGraphicsState();
        out.addRect(left, drawnTop - height * scale, width * scale, height * scale);
        out.clip();
        // SVG user space has y pointing down: flip it and map the viewBox onto the box.
        out.transform(new Matrix(scale, 0f, 0f, -scale, left - minX * scale, drawnTop + minY * scale));
        for (Drawable drawable : drawables) {
            if (drawable instanceof Shape shape) {
                drawShape(out, shape);
            } else if (drawable instanceof Label label) {
                drawLabel(out, fonts, label);
            }
        }
        out.restoreGraphicsState();
    }

    private static void drawShape(PDPageContentStream out, Shape shape) throws IOException {
        if (shape.fill() != null) {
            out.setNonStrokingColor(shape.fill().red(), shape.fill().green(), shape.fill().blue());
        }
        if (shape.stroke() != null) {
            out.setStrokingColor(shape.stroke().red(), shape.stroke().green(), shape.stroke().blue());
            out.setLineWidth(shape.strokeWidth());
        }
        shape.path().addTo(out);
        if (shape.fill() != null && shape.stroke() != null) {
            if (shape.evenOdd()) {
                out.fillAndStrokeEvenOdd();
            } else {
                out.fillAndStroke();
            }
        } else if (shape.fill() != null) {
            if (shape.evenOdd()) {
                out.fillEvenOdd();
            } else {
                out.fill();
            }
        } else {
            out.stroke();
        }
    }

    private static void drawLabel(PDPageContentStream out, PageFonts fonts, Label label) throws IOException {
        Style style = label.style();
        FontFace face = !style.bold() ? FontFace.SANS : style.serif() ? FontFace.SERIF_BOLD : FontFace.SANS_BOLD;
        ShownText text = fonts.prepare(label.text(), face);
        float textWidth = text.width(style.fontSize());
        float x = switch (style.anchor()) {
            case "middle" -> label.x() - textWidth / 2f;
            case "end" -> label.x() - textWidth;
            default -> label.x();
        };
        out.setNonStrokingColor(style.fill().red(), style.fill().green(), style.fill().blue());
        out.beginText();
        out.setFont(text.font(), style.fontSize());
        out.setTextMatrix(new Matrix(1f, 0f, 0f, -1f, x, label.y())); // un-flip glyphs in SVG space
        out.showText(text.glyphs());
        out.endText();
    }

    private void children(Element parent, Style style) throws SvgException {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                element(child, style);
            }
        }
    }

    private void element(Element e, Style parentStyle) throws SvgException {
        String name = localName(e);
        if (!isSvgNamespace(e)) {
            throw new SvgException("Foreign element " + e.getNodeName());
        }
        if (IGNORED_ELEMENTS.contains(name)) {
            return;
        }
        if (++elementCount > MAX_ELEMENTS) {
            throw new SvgException("Too many elements");
        }
        Style style = style(e, parentStyle);
        switch (name) {
            case "g" -> children(e, style);
            case "rect" -> {
                float rx = length(e, "rx", -1f);
                float ry = length(e, "ry", -1f);
                shape(SvgPath.rectangle(length(e, "x", 0f), length(e, "y", 0f),
                        length(e, "width", 0f), length(e, "height", 0f),
                        rx < 0f ? Math.max(ry, 0f) : rx, ry < 0f ? Math.max(rx, 0f) : ry),
                        style, length(e, "width", 0f) > 0f && length(e, "height", 0f) > 0f);
            }
            case "circle" -> {
                float r = length(e, "r", 0f);
                shape(SvgPath.ellipse(length(e, "cx", 0f), length(e, "cy", 0f), r, r), style, r > 0f);
            }
            case "ellipse" -> {
                float rx = length(e, "rx", 0f);
                float ry = length(e, "ry", 0f);
                shape(SvgPath.ellipse(length(e, "cx", 0f), length(e, "cy", 0f), rx, ry), style, rx > 0f && ry > 0f);
            }
            case "line" -> {
                SvgPath line = new SvgPath();
                line.moveTo(length(e, "x1", 0f), length(e, "y1", 0f));
                line.lineTo(length(e, "x2", 0f), length(e, "y2", 0f));
                shape(line, new Style(null, style.stroke(), style.strokeWidth(), false,
                        style.fontSize(), style.bold(), style.serif(), style.anchor()), true);
            }
            case "polyline" -> shape(SvgPath.polyline(e.getAttribute("points"), false), style, true);
            case "polygon" -> shape(SvgPath.polyline(e.getAttribute("points"), true), style, true);
            case "path" -> shape(SvgPath.parse(e.getAttribute("d")), style, true);
            case "text" -> label(e, style);
            default -> throw new SvgException("Unsupported element " + name);
        }
    }

    private void shape(SvgPath path, Style style, boolean visible) {
        boolean painted = style.fill() != null || (style.stroke() != null && style.strokeWidth() > 0f);
        if (visible && painted && !path.isEmpty()) {
            Rgb stroke = style.strokeWidth() > 0f ? style.stroke() : null;
            drawables.add(new Shape(path, style.fill(), stroke, style.strokeWidth(), style.evenOdd()));
        }
    }

    private void label(Element e, Style style) throws SvgException {
        for (Node node = e.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() != Node.TEXT_NODE && node.getNodeType() != Node.CDATA_SECTION_NODE) {
                throw new SvgException("Only plain text is supported inside text");
            }
        }
        String content = e.getTextContent().replaceAll("\\s+", " ").strip();
        if (!content.isEmpty() && style.fill() != null) {
            drawables.add(new Label(content, length(e, "x", 0f), length(e, "y", 0f), style));
        }
    }

    /** Computes the element's style from its presentation attributes and {@code style} attribute. */
    private Style style(Element e, Style parent) throws SvgException {
        Map<String, String> properties = new LinkedHashMap<>();
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
                properties.put(localName(attribute), attribute.getValue().strip());
            }
        }
        String inline = properties.remove("style");
        if (inline != null) {
            for (String declaration : inline.split(";")) {
                int colon = declaration.indexOf(':');
                if (colon > 0) {
                    properties.put(declaration.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            declaration.substring(colon + 1).strip());
                } else if (!declaration.isBlank()) {
                    throw new SvgException("Invalid style " + inline);
                }
            }
        }
        for (Map.Entry<String, String> property : properties.entrySet()) {
            boolean neutralOpacity = property.getKey().endsWith("opacity") && isOne(property.getValue());
            if (UNSUPPORTED_PROPERTIES.contains(property.getKey()) && !neutralOpacity) {
                throw new SvgException("Unsupported property " + property.getKey());
            }
        }
        Rgb fill = properties.containsKey("fill") ? paint(properties.get("fill")) : parent.fill();
        Rgb stroke = properties.containsKey("stroke") ? paint(properties.get("stroke")) : parent.stroke();
        float strokeWidth = properties.containsKey("stroke-width")
                ? number(properties.get("stroke-width")) : parent.strokeWidth();
        boolean evenOdd = properties.containsKey("fill-rule")
                ? "evenodd".equals(properties.get("fill-rule")) : parent.evenOdd();
        float fontSize = properties.containsKey("font-size")
                ? number(properties.get("font-size")) : parent.fontSize();
        boolean bold = properties.containsKey("font-weight") ? isBold(properties.get("font-weight")) : parent.bold();
        boolean serif = properties.containsKey("font-family")
                ? isSerif(properties.get("font-family")) : parent.serif();
        String anchor = properties.getOrDefault("text-anchor", parent.anchor());
        return new Style(fill, stroke, strokeWidth, evenOdd, fontSize, bold, serif, anchor);
    }

    private static Rgb paint(String value) throws SvgException {
        if ("none".equals(value)) {
            return null;
        }
        return Rgb.parse(value).orElseThrow(() -> new SvgException("Unsupported paint " + value));
    }

    private static boolean isOne(String value) {
        try {
            return Float.parseFloat(value) == 1f;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isBold(String weight) throws SvgException {
        return switch (weight) {
            case "bold", "bolder" -> true;
            case "normal", "lighter" -> false;
            default -> number(weight) >= 600f;
        };
    }

    private static boolean isSerif(String family) {
        String f = family.toLowerCase(Locale.ROOT);
        return (f.contains("serif") && !f.contains("sans")) || f.contains("georgia") || f.contains("times");
    }

    private static float length(Element e, String attribute, float fallback) throws SvgException {
        return e.hasAttribute(attribute) ? number(e.getAttribute(attribute)) : fallback;
    }

    /** A plain number or a length in px; other units are unsupported. */
    private static float number(String value) throws SvgException {
        String v = value.strip();
        if (v.endsWith("px")) {
            v = v.substring(0, v.length() - 2);
        }
        try {
            float number = Float.parseFloat(v);
            if (!Float.isFinite(number) || number < -1e6f || number > 1e6f) {
                throw new SvgException("Number out of range: " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new SvgException("Unsupported length " + value, e);
        }
    }

    private static float[] viewBox(Element svg) throws SvgException {
        float[] box;
        if (svg.hasAttribute("viewBox")) {
            String[] parts = svg.getAttribute("viewBox").strip().split("[\\s,]+");
            if (parts.length != 4) {
                throw new SvgException("Invalid viewBox");
            }
            box = new float[] {number(parts[0]), number(parts[1]), number(parts[2]), number(parts[3])};
        } else {
            box = new float[] {0f, 0f, length(svg, "width", 0f), length(svg, "height", 0f)};
        }
        if (box[2] <= 0f || box[3] <= 0f) {
            throw new SvgException("SVG has no usable size");
        }
        return box;
    }

    private static org.w3c.dom.Document parseXml(byte[] svg) throws SvgException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(FailingErrorHandler.INSTANCE);
            return builder.parse(new ByteArrayInputStream(svg));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new SvgException("Unreadable SVG", e);
        }
    }

    private static String localName(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    private static boolean isSvgNamespace(Element e) {
        return e.getNamespaceURI() == null || SVG_NAMESPACE.equals(e.getNamespaceURI());
    }

    /** Turns parser errors into exceptions instead of printing them to stderr. */
    private enum FailingErrorHandler implements ErrorHandler {
        INSTANCE;

        @Override
        public void warning(SAXParseException e) {
            // warnings do not affect the parsed document
        }

        @Override
        public void error(SAXParseException e) throws SAXParseException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    }
}
