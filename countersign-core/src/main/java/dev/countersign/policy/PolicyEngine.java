package dev.countersign.policy;

import dev.countersign.directory.Directory;
import dev.countersign.directory.Principal;
import java.util.List;
import java.util.Optional;

/**
 * Decides changes against one compiled policy: the built-in least-privilege rule for agents, then
 * the policy's rules in order, then the approvals. Thread-safe; create one with {@link
 * PolicyEngineFactory}.
 */
public interface PolicyEngine {

  /** Decides {@code input} given the reviews so far; never throws for bad data, it fails closed. */
  Decision decide(DecisionInput input, List<Review> reviews, Directory directory);

  /**
   * Why {@code reviewer} may not review this change (for an HTTP 403), or empty when they may;
   * without a directory, least-privilege is not part of the "nothing to approve" outcome.
   */
  Optional<String> reviewRefusal(DecisionInput input, Principal reviewer);

  /** Like {@link #reviewRefusal(DecisionInput, Principal)}, also refusing a reviewer the directory does not know. */
  Optional<String> reviewRefusal(DecisionInput input, Principal reviewer, Directory directory);

  /** The digest of the policy this engine decides with. */
  String policyDigest();
}
