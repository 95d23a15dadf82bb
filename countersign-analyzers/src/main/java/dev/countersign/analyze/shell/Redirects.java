package dev.countersign.analyze.shell;

import dev.countersign.analyze.shell.Verdict.Outcome;
import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.List;

/**
 * Output redirections are writes: {@code > file} truncates and rewrites the file (an update),
 * {@code >> file} appends to it, and a redirection onto a disk device ({@code > /dev/sda}) destroys
 * what is on the disk. A command that otherwise only reads becomes the write.
 */
final class Redirects {

  private Redirects() {}

  static Verdict apply(Verdict verdict, Invocation inv, SimpleCommand cmd) {
    List<Outcome> writes = new ArrayList<>(1);
    for (SimpleCommand.Redirect r : cmd.redirects()) {
      if (r.writesFile()) {
        writes.add(write(r));
      }
    }
    if (writes.isEmpty()) {
      return verdict;
    }
    Verdict written = Verdict.of(writes);
    return verdict.onlyReads()
        ? new Verdict(written.outcomes(), verdict.findings())
        : verdict.and(written);
  }

  private static Outcome write(SimpleCommand.Redirect r) {
    String target = r.target();
    if (Devices.isDisk(target)) {
      return new Outcome(
          Verb.DELETE,
          "block-device",
          target,
          true,
          "writing to " + target + " overwrites the disk and everything on it");
    }
    return new Outcome(
        Verb.UPDATE,
        "file",
        target,
        false,
        r.appends() ? "appends to " + target : "truncates and rewrites " + target);
  }
}
