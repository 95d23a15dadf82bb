package dev.countersign.analyze.git;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.AnalysisException.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link GitRange} from a repository with a handful of git commands: checks the repository,
 * resolves both sides of the range to commits, lists the commits with their messages and {@code
 * refs/notes/ai} notes, and diffs the merge base against the end ({@code --raw} for statuses and
 * blobs, {@code --numstat} for lines), all NUL-separated so that no path or message can be misread.
 */
final class RangeReader {

  private static final String EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
  private static final String FIELD = "\u001f";

  private final GitProcess git;
  private final Path repo;

  RangeReader(GitProcess git, Path repo) {
    this.git = git;
    this.repo = repo;
  }

  GitRange read(String given) {
    RevisionRange range = RevisionRange.parse(given);
    checkRepository();
    String from = resolve(range.from(), given);
    String to = resolve(range.to(), given);
    String spec = from + (range.symmetric() ? "..." : "..") + to;
    GitProcess.Result base = git.run(List.of("merge-base", from, to));
    String baseSha = base.exitCode() == 0 ? base.text().strip() : EMPTY_TREE;
    return new GitRange(given, baseSha, to, commits(spec), files(baseSha, to));
  }

  private void checkRepository() {
    if (!Files.isDirectory(repo)) {
      throw AnalysisException.of(Problem.UNRECOGNIZED, repo + " is not a directory");
    }
    GitProcess.Result r = git.run(List.of("rev-parse", "--git-dir"));
    if (r.exitCode() != 0) {
      throw AnalysisException.of(
          Problem.UNRECOGNIZED,
          repo
              + " is not a git repository"
              + (r.stderr().isEmpty() ? "" : " (" + GitProcess.firstLine(r.stderr()) + ")"));
    }
  }

  private String resolve(String revision, String given) {
    GitProcess.Result r =
        git.run(
            List.of(
                "rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"));
    String sha = r.text().strip();
    if (r.exitCode() != 0 || !sha.matches("[0-9a-f]{40,64}")) {
      throw AnalysisException.of(
          Problem.INVALID_STRUCTURE,
          "the range '" + given + "' names '" + revision + "', which is not a commit in " + repo);
    }
    return sha;
  }

  private List<GitCommit> commits(String spec) {
    String log =
        git.runOk(
                List.of(
                    "log",
                    "-z",
                    "--no-color",
                    "--no-notes",
                    "--format=%H%x1f%an <%ae>%x1f%cn <%ce>%x1f%B",
                    "--end-of-options",
                    spec),
                Problem.INVALID_STRUCTURE,
                "git log " + spec + " failed")
            .text();
    Map<String, String> notes = notes(spec);
    List<GitCommit> out = new ArrayList<>();
    for (String record : log.split("\0")) {
      String[] f = record.split(FIELD, 4);
      if (f.length < 4) {
        continue;
      }
      String sha = f[0].strip();
      String message = f[3];
      Provenance.Verdict v = Provenance.of(f[1], f[2], message, notes.getOrDefault(sha, ""));
      String subject = message.lines().findFirst().orElse("").strip();
      out.add(new GitCommit(sha, f[1], f[2], subject, v.aiAssisted(), v.tool(), v.evidence()));
    }
    return out;
  }

  private Map<String, String> notes(String spec) {
    String log =
        git.runOk(
                List.of(
                    "log",
                    "-z",
                    "--no-color",
                    "--no-notes",
                    "--notes=refs/notes/ai",
                    "--format=%H%x1f%N",
                    "--end-of-options",
                    spec),
                Problem.INVALID_STRUCTURE,
                "git log --notes " + spec + " failed")
            .text();
    Map<String, String> out = new HashMap<>();
    for (String record : log.split("\0")) {
      String[] f = record.split(FIELD, 2);
      if (f.length == 2 && !f[1].isBlank()) {
        out.put(f[0].strip(), f[1]);
      }
    }
    return out;
  }

  private List<GitFileChange> files(String base, String head) {
    List<String> diff = List.of("diff", "-z", "-M", "--no-ext-diff", "--no-textconv", "--no-color");
    String raw =
        git.runOk(
                concat(diff, "--raw", "--no-abbrev", base, head),
                Problem.INVALID_STRUCTURE,
                "git diff failed")
            .text();
    String numstat =
        git.runOk(
                concat(diff, "--numstat", base, head),
                Problem.INVALID_STRUCTURE,
                "git diff --numstat failed")
            .text();
    return DiffParser.files(raw, numstat);
  }

  private static List<String> concat(List<String> head, String... rest) {
    List<String> out = new ArrayList<>(head);
    out.addAll(List.of(rest));
    return out;
  }
}
