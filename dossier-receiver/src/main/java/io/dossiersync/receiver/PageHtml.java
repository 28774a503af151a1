package io.dossiersync.receiver;

import static io.dossiersync.receiver.BodyRendering.escape;

import io.dossiersync.core.NamespaceRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The HTML of the receiver page: namespaces (by project) → features → artifacts, each stored body
 * rendered ({@link BodyRendering}) with its hash, arrival time and whether it is the latest. A
 * small script, allowed by its nonce only, polls {@code /page/version} and reloads the page when
 * something new arrived. Stateless.
 */
final class PageHtml {

  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;margin:2rem;"
          + "max-width:70rem;color:#222}h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}"
          + "h3{font-size:1rem;margin:1.5rem 0 .3rem}.artifact{border:1px solid #ddd;border-radius:6px;"
          + "padding:.6rem 1rem;margin:.6rem 0}.meta{color:#666;font-size:.85rem}"
          + ".latest{color:#176f2c;font-weight:600}.older{color:#999}"
          + "pre{background:#f6f8fa;padding:.6rem;overflow:auto}code{font-size:.9em}"
          + ".markdown{border-left:3px solid #eee;padding-left:.8rem}";

  private PageHtml() {}

  /** The whole page for the given entries, at a ledger version, with the script's nonce. */
  static String render(List<PageEntry> entries, long version, String nonce) {
    StringBuilder html = new StringBuilder(4096);
    html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>dossier reference receiver</title><style>")
        .append(STYLE)
        .append("</style></head><body data-version=\"")
        .append(version)
        .append("\">")
        .append("<h1>What the reference receiver stored</h1>")
        .append("<p class=\"meta\">Read-only. ")
        .append(entries.size())
        .append(entries.size() == 1 ? " body" : " bodies")
        .append(" stored; the page reloads itself when more arrive.</p>");
    if (entries.isEmpty()) {
      html.append(
          "<p id=\"empty\">Nothing stored yet: run <code>dossier sync</code> or"
              + " <code>dossier watch</code> against this receiver.</p>");
    }
    Map<String, Map<NamespaceRef, List<PageEntry>>> byProject = new TreeMap<>();
    for (PageEntry entry : entries) {
      byProject
          .computeIfAbsent(
              entry.namespace().projectUuid(),
              p ->
                  new TreeMap<>(
                      Comparator.comparing(NamespaceRef::featureSlug)
                          .thenComparing(NamespaceRef::targetBranch)
                          .thenComparing(NamespaceRef::missionKey)
                          .thenComparing(NamespaceRef::manifestVersion)))
          .computeIfAbsent(entry.namespace(), n -> new ArrayList<>())
          .add(entry);
    }
    byProject.forEach(
        (project, features) -> {
          html.append("<section class=\"project\"><h2>project ")
              .append(escape(project))
              .append("</h2><ul class=\"features\">");
          features
              .keySet()
              .forEach(
                  ns ->
                      html.append("<li class=\"feature\"><a href=\"#")
                          .append(anchor(ns))
                          .append("\">")
                          .append(escape(ns.featureSlug()))
                          .append("</a>")
                          .append(" <span class=\"meta\">")
                          .append(escape(ns.targetBranch()))
                          .append(" · ")
                          .append(escape(ns.missionKey()))
                          .append(" · manifest ")
                          .append(escape(ns.manifestVersion()))
                          .append("</span></li>"));
          html.append("</ul>");
          features.forEach((ns, artifacts) -> feature(html, ns, artifacts));
          html.append("</section>");
        });
    html.append("<script nonce=\"")
        .append(nonce)
        .append("\">")
        .append("(function(){var v=document.body.dataset.version;")
        .append("setInterval(function(){fetch('/page/version',{cache:'no-store'})")
        .append(".then(function(r){return r.text();}).then(function(t){")
        .append("if(t.trim()!==v){location.reload();}}).catch(function(){});},1500);})();")
        .append("</script></body></html>");
    return html.toString();
  }

  private static void feature(StringBuilder html, NamespaceRef ns, List<PageEntry> artifacts) {
    html.append("<h3 id=\"")
        .append(anchor(ns))
        .append("\">")
        .append(escape(ns.featureSlug()))
        .append("</h3>");
    List<PageEntry> ordered = new ArrayList<>(artifacts);
    ordered.sort(
        Comparator.comparing(PageEntry::artifactPath)
            .thenComparing(PageEntry::arrivedAt, Comparator.reverseOrder()));
    for (PageEntry entry : ordered) {
      html.append("<div class=\"artifact\" data-path=\"")
          .append(escape(entry.artifactPath()))
          .append("\"><div><strong>")
          .append(escape(entry.artifactPath()))
          .append("</strong> ")
          .append(
              entry.latest()
                  ? "<span class=\"latest\">latest</span>"
                  : "<span class=\"older\">superseded</span>")
          .append("</div><div class=\"meta\">sha256 <code>")
          .append(escape(entry.contentHash()))
          .append("</code> · arrived ")
          .append(entry.arrivedAt())
          .append("</div>")
          .append(BodyRendering.html(entry.artifactPath(), entry.body()))
          .append("</div>");
    }
  }

  private static String anchor(NamespaceRef ns) {
    return "f-" + Integer.toHexString(ns.hashCode());
  }
}
