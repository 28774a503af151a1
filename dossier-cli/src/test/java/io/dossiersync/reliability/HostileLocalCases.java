package io.dossiersync.reliability;

import static io.dossiersync.reliability.HostileCase.notIndexed;
import static io.dossiersync.reliability.HostileCase.refused;
import static io.dossiersync.reliability.HostileCase.skipped;

import java.util.List;

/**
 * Hostile local inputs of issue 15 (PRODUCT.md §2 name rules, §3 bounded reads): names that cannot
 * be carried end in {@code skipped} / {@code not_present: invalid_format} under their
 * U+FFFD-replaced name while the rest of the feature syncs; special files read whole ({@code
 * meta.json}, {@code config.yaml}) end in one clear error line naming the file, exit 2, nothing
 * enqueued, and never hang (the suite runs each case under a timeout).
 */
final class HostileLocalCases {

  static final String INVALID_FORMAT = "not_present: invalid_format";
  private static final String META = "kitty-specs/" + HostileCheckout.SLUG + "/meta.json";

  private HostileLocalCases() {}

  static List<HostileCase> all() {
    return List.of(
        skipped(
            "backslash in a name: invalid_format",
            "research/a\uFFFDb.md",
            INVALID_FORMAT,
            c -> c.text("research/a\\b.md", "# a\n")),
        skipped(
            "terminal escape (ESC) in a name: invalid_format",
            "research/red\uFFFD[31m.md",
            INVALID_FORMAT,
            c -> c.text("research/red\u001b[31m.md", "# red\n")),
        skipped(
            "newline in the name: invalid_format",
            "research/line\uFFFDbreak.md",
            INVALID_FORMAT,
            c -> c.text("research/line\nbreak.md", "# line\n")),
        skipped(
            "control character in a directory name: every file under it invalid_format",
            "research/tab\uFFFDdir/notes.md",
            INVALID_FORMAT,
            c -> c.text("research/tab\tdir/notes.md", "# notes\n")),
        skipped(
            "name that is not UTF-8 (byte 0xFF): invalid_format",
            "research/x\uFFFD.md",
            INVALID_FORMAT,
            c -> c.rawName("research", new byte[] {'x', (byte) 0xFF, '.', 'm', 'd'}, "# x\n")),
        notIndexed(
            "FIFO inside the feature: not a regular file",
            "research/pipe.md",
            c -> c.fifo("kitty-specs/" + HostileCheckout.SLUG + "/research/pipe.md")),
        notIndexed(
            "symlinked directory to outside the feature",
            "research/elsewhere",
            c ->
                c.rootFile("outside/notes.md", "# outside\n")
                    .symlink("research/elsewhere", "../../../outside")),
        refused(
            "meta.json is a FIFO: refused, no hang",
            "meta.json: not a regular file",
            c -> c.fifo(META)),
        refused(
            "meta.json is /dev/zero: refused, not read",
            "meta.json: not a regular file",
            c -> c.rootSymlink(META, "/dev/zero")),
        refused(
            "meta.json over 1 MiB: refused",
            "meta.json: larger than 1 MiB",
            c -> c.meta("{\"target_branch\": \"main\", \"pad\": \"" + "x".repeat(1 << 20) + "\"}")),
        refused(
            "config.yaml is a FIFO: refused, no hang",
            "config.yaml: not a regular file",
            c -> c.fifo(".kittify/config.yaml")),
        refused(
            "config.yaml is /dev/zero: refused, not read",
            "config.yaml: not a regular file",
            c -> c.rootSymlink(".kittify/config.yaml", "/dev/zero")));
  }
}
