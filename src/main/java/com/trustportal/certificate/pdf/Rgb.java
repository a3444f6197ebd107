package com.trustportal.certificate.pdf;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An sRGB colour with components in 0..1, parsed from CSS-style notations. */
record Rgb(float red, float green, float blue) {

    static final Rgb BLACK = new Rgb(0f, 0f, 0f);

    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("black", "#000000"), Map.entry("white", "#ffffff"),
            Map.entry("red", "#ff0000"), Map.entry("green", "#008000"),
            Map.entry("blue", "#0000ff"), Map.entry("yellow", "#ffff00"),
            Map.entry("gray", "#808080"), Map.entry("grey", "#808080"),
            Map.entry("silver", "#c0c0c0"), Map.entry("maroon", "#800000"),
            Map.entry("purple", "#800080"), Map.entry("fuchsia", "#ff00ff"),
            Map.entry("lime", "#00ff00"), Map.entry("olive", "#808000"),
            Map.entry("navy", "#000080"), Map.entry("teal", "#008080"),
            Map.entry("aqua", "#00ffff"), Map.entry("orange", "#ffa500"));

    /** Parses {@code #rrggbb} only; anything else yields {@code fallback}. */
    static Rgb parseHexOr(String value, Rgb fallback) {
        if (value == null || !value.trim().matches("#[0-9a-fA-F]{6}")) {
            return fallback;
        }
        return parse(value.trim()).orElse(fallback);
    }

    /** Parses {@code #rgb}, {@code #rrggbb} or a basic CSS colour name. */
    static Optional<Rgb> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        v = NAMED.getOrDefault(v, v);
        if (v.matches("#[0-9a-f]{3}")) {
            v = "#" + v.charAt(1) + v.charAt(1) + v.charAt(2) + v.charAt(2) + v.charAt(3) + v.charAt(3);
        }
        if (!v.matches("#[0-9a-f]{6}")) {
            return Optional.empty();
        }
        int rgb = Integer.parseInt(v.substring(1), 16);
        return Optional.of(new Rgb(((rgb >> 16) & 0xff) / 255f, ((rgb >> 8) & 0xff) / 255f, (rgb & 0xff) / 255f));
    }
}
