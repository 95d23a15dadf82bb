package dev.countersign.server.agent;

import static java.util.Objects.requireNonNull;

import dev.countersign.model.Analysis;

/**
 * What a tool call would do, ready to be decided as a change.
 *
 * @param analysis its normalized actions and findings (the analysis' kind is the change's kind)
 * @param title a short description for reviewers, e.g. {@code Bash: kubectl rollout restart ...}
 * @param content what a reviewer reads: the command, or the tool and its input as JSON
 * @param inputDigest {@code sha256:} over the tool and the input that takes effect (not the
 *     model's commentary), so a retry of the very same call is recognised
 */
public record ToolAction(Analysis analysis, String title, String content, String inputDigest) {
  public ToolAction {
    requireNonNull(analysis, "analysis");
    requireNonNull(title, "title");
    requireNonNull(content, "content");
    requireNonNull(inputDigest, "inputDigest");
  }
}
