package dev.countersign.analyze.git;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One commit of a range and its AI provenance.
 *
 * @param sha the full commit hash
 * @param author the author as {@code Name <email>}
 * @param committer the committer as {@code Name <email>}
 * @param subject the first line of the message
 * @param aiAssisted whether any evidence says an AI agent took part
 * @param tool the agent the evidence names first ({@code claude-code}, {@code codex}, {@code
 *     copilot}, {@code cursor}, {@code aider}, …), {@code unknown} when it names none, or empty
 * @param evidence each trailer, marker, author or note that says so, in words
 */
public record GitCommit(
    String sha,
    String author,
    String committer,
    String subject,
    boolean aiAssisted,
    String tool,
    List<String> evidence) {

  public GitCommit {
    requireNonNull(sha, "sha");
    requireNonNull(author, "author");
    requireNonNull(committer, "committer");
    requireNonNull(subject, "subject");
    requireNonNull(tool, "tool");
    evidence = List.copyOf(evidence);
  }

  /** The first 12 characters of the hash, for messages. */
  public String shortSha() {
    return sha.length() > 12 ? sha.substring(0, 12) : sha;
  }
}
