package com.trustportal.catalog.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void rendersTheMarkdownAuthorsUse() {
        assertEquals("<h3>Why</h3>\n<p><strong>bold</strong> and <em>soft</em></p>\n<ul>\n<li>one</li>\n</ul>\n"
                + "<blockquote>\n<p>quote</p>\n</blockquote>",
                renderer.render("### Why\n\n**bold** and *soft*\n\n- one\n\n> quote\n"));
    }

    @Test
    void scriptBlockIsRemovedWithItsContent() {
        String html = renderer.render("Before\n\n<script>document.cookie</script>\n\nAfter");
        assertEquals("<p>Before</p>\n<p>After</p>", html);
    }

    @Test
    void eventHandlerAttributesAreRemoved() {
        String html = renderer.render("<img src=\"https://x.example/a.png\" onerror=\"alert(1)\">");
        assertFalse(html.contains("onerror"), html);
        assertFalse(html.contains("alert"), html);
    }

    @Test
    void javascriptLinksLoseTheirUrl() {
        String html = renderer.render("[click](javascript:alert(1)) and [ok](https://example.org)");
        assertFalse(html.contains("javascript"), html);
        assertTrue(html.contains("<a href=\"https://example.org\" rel=\"noopener noreferrer nofollow\">ok</a>"), html);
    }

    @Test
    void rawHtmlBlocksStylesAndFramesAreRemoved() {
        String html = renderer.render("<div style=\"position:fixed\">overlay</div>\n\n"
                + "<iframe src=\"https://evil.example\"></iframe>\n\n<style>body{display:none}</style>\n\ntext");
        assertEquals("<p>text</p>", html.strip().replaceAll("\\s+<p>", "<p>"));
    }
}
