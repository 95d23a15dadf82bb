package dev.countersign.analyze.git;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a commit range holds: its commits (newest first, as {@code git log} lists them), the files
 * it changes from the merge base to its end, and the lines added and removed.
 *
 * @param range the range as given, e.g. {@code main..feature}
 * @param base the merge base the file changes are measured from (the empty tree's hash when the two
 *     sides share no history)
 * @param head the commit the range ends at
 * @param commits the commits in the range
 * @param files the files changed
 */
public record GitRange(
    String range, String base, String head, List<GitCommit> commits, List<GitFileChange> files) {

  public GitRange {
    requireNonNull(range, "range");
    requireNonNull(base, "base");
    requireNonNull(head, "head");
    commits = List.copyOf(commits);
    files = List.copyOf(files);
  }

  /** Lines added over all files. */
  public long linesAdded() {
    return files.stream().mapToLong(GitFileChange::linesAdded).sum();
  }

  /** Lines removed over all files. */
  public long linesRemoved() {
    return files.stream().mapToLong(GitFileChange::linesRemoved).sum();
  }

  /** Whether any commit of the range carries evidence of an AI agent. */
  public boolean aiAssisted() {
    return commits.stream().anyMatch(GitCommit::aiAssisted);
  }

  /** The agents named by the range's commits, each once, in order of first appearance. */
  public List<String> tools() {
    return commits.stream().map(GitCommit::tool).filter(t -> !t.isEmpty()).distinct().toList();
  }
}
