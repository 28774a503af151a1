package io.dossiersync.cli;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules the CLI applies to a server URL before using it (PRODUCT.md §4.4): user info is never
 * printed, and plain {@code http://} is refused for a host that is not loopback unless {@code
 * --insecure-http} is given, because the bearer token would travel in clear.
 */
final class ServerUrl {

  private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@?#]*@");
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|\\[?[0-9a-fA-F:.]+]?");

  private ServerUrl() {}

  /**
   * The URL as it may be printed: any {@code user:password@} replaced by {@code ***@}.
   *
   * @param url the URL as given
   * @return the printable form
   */
  static String redact(String url) {
    return USER_INFO.matcher(url).replaceFirst("***@");
  }

  /**
   * Refuses {@code http://} to a host that is not loopback, unless allowed.
   *
   * @param url a URL that already passed the transport's own checks
   * @param insecureAllowed whether {@code --insecure-http} was given
   * @throws CliException (exit 2) naming the host and the flag
   */
  static void requireSafe(String url, boolean insecureAllowed) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      return; // the transport's own check names the problem
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("http") && !insecureAllowed && !isLoopback(uri.getHost())) {
      throw CliException.usage(
          "refusing plain http:// to "
              + uri.getHost()
              + ": the token would"
              + " travel in clear; use https://, or pass --insecure-http to allow it");
    }
  }

  /** Loopback by name ({@code localhost}) or by IP literal; a name is never resolved. */
  static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String bare = host.toLowerCase(Locale.ROOT);
    if (bare.equals("localhost") || bare.endsWith(".localhost")) {
      return true;
    }
    if (!IP_LITERAL.matcher(bare).matches() || (!bare.contains(":") && !isDottedQuad(bare))) {
      return false;
    }
    try {
      return InetAddress.getByName(bare.replace("[", "").replace("]", "")).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static boolean isDottedQuad(String host) {
    return host.split("\\.", -1).length == 4;
  }
}
