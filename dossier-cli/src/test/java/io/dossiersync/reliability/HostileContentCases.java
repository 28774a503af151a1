package io.dossiersync.reliability;

import static io.dossiersync.reliability.HostileCase.notIndexed;
import static io.dossiersync.reliability.HostileCase.queued;
import static io.dossiersync.reliability.HostileCase.skipped;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Hostile files inside a valid feature: encodings, BOMs, NUL bytes, sizes around the 512 KiB limit,
 * symlinks that escape or loop, odd names, directories named like files. Each ends in the outcome
 * PRODUCT.md §2 gives it (eligibility checks in order: present, surface, format, size, re-hash,
 * UTF-8, not empty).
 */
final class HostileContentCases {

  static final int LIMIT = 524_288;
  static final String NOT_UTF8 = "not_valid_utf8";

  private HostileContentCases() {}

  static List<HostileCase> all() {
    return List.of(
        skippedFile("UTF-16LE with BOM", "spec.md", NOT_UTF8, utf16("\uFEFF# Spec\n", true)),
        skippedFile(
            "UTF-16BE with BOM", "research/utf16be.md", NOT_UTF8, utf16("\uFEFF# Notes\n", false)),
        queuedFile(
            "UTF-8 BOM kept as is",
            "research/bom.md",
            concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("# BOM\n"))),
        skippedFile(
            "invalid UTF-8: lone continuation byte",
            "research/lone.md",
            NOT_UTF8,
            new byte[] {'a', (byte) 0x80, 'b'}),
        skippedFile(
            "invalid UTF-8: overlong encoding",
            "research/overlong.md",
            NOT_UTF8,
            new byte[] {(byte) 0xC0, (byte) 0xAF}),
        skippedFile(
            "invalid UTF-8: encoded surrogate",
            "research/surrogate.md",
            NOT_UTF8,
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
        skippedFile(
            "invalid UTF-8: truncated sequence at the end",
            "tasks/WP07.md",
            NOT_UTF8,
            new byte[] {'#', ' ', (byte) 0xE2, (byte) 0x82}),
        skippedFile(
            "Latin-1 text",
            "plan.md",
            NOT_UTF8,
            "caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)),
        queuedFile(
            "NUL bytes inside valid UTF-8", "research/nul.md", new byte[] {'a', 0, 'b', 0, '\n'}),
        skippedFile(
            "binary image on a surface",
            "research/diagram.png",
            "unsupported_format: .png",
            new byte[] {(byte) 0x89, 'P', 'N', 'G', 0}),
        queuedFile("524,287 bytes", "research/below.md", filler(LIMIT - 1)),
        queuedFile("524,288 bytes (the limit)", "research/at.md", filler(LIMIT)),
        skippedFile(
            "524,289 bytes",
            "research/above.md",
            "oversized: 524289 bytes > 524288 limit",
            filler(LIMIT + 1)),
        skippedFile(
            "oversized is checked before UTF-8",
            "research/big-binary.md",
            "oversized: 1048576 bytes > 524288 limit",
            invalid(2 * LIMIT)),
        skippedFile(
            "format is checked before UTF-8",
            "research/latin.txt",
            "unsupported_format: .txt",
            invalid(8)),
        skippedFile("empty file", "spec.md", "empty_content", new byte[0]),
        notIndexed(
            "symlink escaping the feature",
            "research/escape.md",
            c ->
                c.rootFile("outside.md", "# secret outside\n")
                    .symlink("research/escape.md", "../../../outside.md")),
        notIndexed(
            "absolute symlink out of the checkout",
            "research/hosts.md",
            c -> c.symlink("research/hosts.md", "/etc/hosts")),
        notIndexed(
            "symlink loop between two links",
            "research/loop-a.md",
            c ->
                c.symlink("research/loop-a.md", "loop-b.md")
                    .symlink("research/loop-b.md", "loop-a.md")),
        notIndexed(
            "symlink to itself", "research/self.md", c -> c.symlink("research/self.md", "self.md")),
        notIndexed(
            "symlinked directory pointing at its parent",
            "research/again",
            c -> c.symlink("research/again", "..")),
        notIndexed(
            "dangling symlink",
            "research/gone.md",
            c -> c.symlink("research/gone.md", "nowhere.md")),
        queued(
            "symlink to a file inside the feature",
            "research/alias.md",
            c -> c.symlink("research/alias.md", "../spec.md")),
        queuedFile(
            "unicode name", "research/\u65e5\u672c\u8a9e.md", utf8("# \u65e5\u672c\u8a9e\n")),
        queuedFile("emoji name", "research/\uD83D\uDE80-launch.md", utf8("# launch\n")),
        queuedFile("decomposed (NFD) name", "research/cafe\u0301.md", utf8("# cafe\n")),
        queuedFile(
            "250-character file name", "research/" + "n".repeat(247) + ".md", utf8("# long\n")),
        queuedFile("path of 40 nested directories", deep(), utf8("# deep\n")),
        queuedFile(
            "spaces and parentheses in the name", "research/my notes (v2).md", utf8("# notes\n")),
        queuedFile("upper-case extension", "research/NOTES.MD", utf8("# notes\n")),
        skippedFile(
            "double extension",
            "research/archive.md.gz",
            "unsupported_format: .gz",
            new byte[] {0x1F, (byte) 0x8B, 8, 0}),
        skippedFile(
            "no extension",
            "research/README",
            "unsupported_format: (no extension)",
            utf8("readme\n")),
        notIndexed(
            "hidden file", "research/.draft.md", c -> c.text("research/.draft.md", "# draft\n")),
        skippedFile(
            "tasks/README.md is not a work package",
            "tasks/README.md",
            "unsupported_surface",
            utf8("# tasks\n")),
        skippedFile(
            "surface names are case-sensitive",
            "SPEC.md",
            "unsupported_surface",
            utf8("# upper\n")),
        skipped(
            "directory named spec.md: the file inside",
            "spec.md/inner.md",
            "unsupported_surface",
            c -> c.delete("kitty-specs/001-hostile/spec.md").text("spec.md/inner.md", "# inner\n")),
        skipped(
            "directory named spec.md: the spec required at step specify is missing",
            "spec.md",
            "not_present: not_found",
            c ->
                c.delete("kitty-specs/001-hostile/spec.md")
                    .text("spec.md/inner.md", "# inner\n")
                    .args("--step", "specify")),
        skippedFile(
            "directory named tasks/WP09.md",
            "tasks/WP09.md/notes.md",
            "unsupported_surface",
            utf8("# notes\n")),
        notIndexed(
            "empty directory named like a file",
            "research/empty-dir.md",
            c -> c.directory("research/empty-dir.md")));
  }

  /** A file written at {@code path} of the feature that must end {@code queued}. */
  private static HostileCase queuedFile(String name, String path, byte[] content) {
    return queued(name, path, c -> c.bytes(path, content));
  }

  /** A file written at {@code path} of the feature that must end {@code skipped} with a reason. */
  private static HostileCase skippedFile(String name, String path, String reason, byte[] content) {
    return skipped(name, path, reason, c -> c.bytes(path, content));
  }

  /** The permission-denied case: only meaningful when chmod denies, i.e. not as root. */
  static HostileCase unreadable() {
    return skipped(
        "permission-denied file",
        "research/secret.md",
        "not_present: unreadable",
        c -> c.unreadable("research/secret.md"));
  }

  private static String deep() {
    return "research/" + "nested-dir/".repeat(40) + "deep.md";
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] utf16(String text, boolean littleEndian) {
    return text.getBytes(littleEndian ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static byte[] filler(int size) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, (byte) 'x');
    for (int i = 79; i < size; i += 80) {
      bytes[i] = '\n';
    }
    return bytes;
  }

  private static byte[] invalid(int size) {
    byte[] bytes = filler(size);
    bytes[0] = (byte) 0xFF;
    return bytes;
  }
}
