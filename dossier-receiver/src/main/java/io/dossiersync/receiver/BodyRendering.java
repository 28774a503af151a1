package io.dossiersync.receiver;

import java.util.Locale;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Turns a stored body into HTML for the receiver page. Bodies are untrusted text: Markdown is
 * rendered by commonmark with raw HTML escaped (never passed through) and link URLs sanitized;
 * every other format (JSON, YAML, CSV, text) is shown as escaped preformatted text. Thread-safe.
 */
final class BodyRendering {

  private static final Parser MARKDOWN = Parser.builder().build();
  private static final HtmlRenderer HTML =
      HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

  private BodyRendering() {}

  /** The HTML of a body, chosen by the artifact path's extension. */
  static String html(String artifactPath, String body) {
    String path = artifactPath.toLowerCase(Locale.ROOT);
    if (path.endsWith(".md") || path.endsWith(".markdown")) {
      return "<div class=\"markdown\">" + HTML.render(MARKDOWN.parse(body)) + "</div>";
    }
    return "<pre class=\"text\">" + escape(body) + "</pre>";
  }

  /** Escapes text for HTML content and double-quoted attribute values. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
