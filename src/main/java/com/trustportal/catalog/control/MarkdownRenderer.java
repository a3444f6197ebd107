package com.trustportal.catalog.control;

import java.util.Set;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Renders course Markdown to HTML that is safe to put on a page as is. Authors include tenants, so their content is
 * untrusted: raw HTML is dropped while rendering (the format allows none), and the result is cleaned again with a
 * jsoup safelist so that no script, event handler, style, frame or {@code javascript:} URL can get through even if the
 * renderer has a gap. Thread-safe; used once per text at load time, never per request.
 */
public final class MarkdownRenderer {

    private static final Safelist SAFELIST = Safelist.relaxed()
            .addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow");

    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .sanitizeUrls(true)
            .nodeRendererFactory(context -> new RawHtmlDropper())
            .build();

    public String render(String markdown) {
        String html = renderer.render(parser.parse(markdown));
        return Jsoup.clean(html, "", SAFELIST, OUTPUT).strip();
    }

    /** Renders raw HTML blocks and inline tags as nothing, so they vanish instead of showing up as escaped text. */
    private static final class RawHtmlDropper implements NodeRenderer {

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(HtmlBlock.class, HtmlInline.class);
        }

        @Override
        public void render(Node node) {
            // intentionally empty: the course format allows no raw HTML
        }
    }
}
