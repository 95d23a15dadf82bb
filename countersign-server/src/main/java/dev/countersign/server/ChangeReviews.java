package dev.countersign.server;

import dev.countersign.directory.Directory;
import dev.countersign.directory.Principal;
import dev.countersign.model.Analysis;
import dev.countersign.policy.Decision;
import dev.countersign.policy.DecisionInput;
import dev.countersign.policy.Verdict;
import dev.countersign.store.ChangeRecord;
import dev.countersign.store.ReviewRecord;
import dev.countersign.store.Store;
import dev.countersign.store.Tx;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reviews of changes: a reviewer approves or rejects the digest they read, policy says whether they
 * may, and the change is decided again with the review counted.
 */
final class ChangeReviews {
  private final Store store;
  private final Supplier<Directory> directory;
  private final Supplier<PolicyRuntime> policy;
  private final PolicyInputs inputs;
  private final ChangeDecisions decisions;
  private final StoredForms forms;
  private final ChangeAudit audit;
  private final InstantSource clock;

  ChangeReviews(
      Store store, Supplier<Directory> directory, Supplier<PolicyRuntime> policy, PolicyInputs inputs,
      ChangeDecisions decisions, StoredForms forms, ChangeAudit audit, InstantSource clock) {
    this.store = store;
    this.directory = directory;
    this.policy = policy;
    this.inputs = inputs;
    this.decisions = decisions;
    this.forms = forms;
    this.audit = audit;
    this.clock = clock;
  }

  /** A review as asked for, its fields checked. */
  private record Asked(Principal reviewer, String changeId, Verdict verdict, String digest, String comment) {}

  /** Records a review of a change and re-decides it; returns the change's view. */
  Map<String, Object> review(String callerId, String changeId, ReviewRequest request) {
    Directory dir = directory.get();
    Principal reviewer = ChangeInput.caller(dir, callerId);
    Verdict verdict = ChangeInput.verdict(request.verdict());
    String digest = ChangeInput.reviewedDigest(request.digest());
    String comment = ChangeInput.comment(request.comment());
    Asked asked = new Asked(reviewer, changeId, verdict, digest, comment);
    Instant now = clock.instant();
    return store.transaction(tx -> record(tx, dir, asked, now));
  }

  private Map<String, Object> record(Tx tx, Directory dir, Asked asked, Instant now) {
    ChangeRecord rec =
        tx.changes().getForUpdate(asked.changeId()).orElseThrow(() -> ChangeInput.notFound(asked.changeId()));
    if (!rec.digest().equals(asked.digest())) {
      // A review counts only for the version its reviewer read.
      throw ApiException.conflict(
          "digest " + asked.digest() + " is not this change's current digest " + rec.digest()
              + "; review the current version");
    }
    Analysis analysis = forms.readAnalysis(rec.analysisJson());
    DecisionInput input = inputs.ofStored(tx, dir, rec, analysis, now);
    Optional<String> refusal = policy.get().engine().reviewRefusal(input, asked.reviewer(), dir);
    if (refusal.isPresent()) {
      throw ApiException.forbidden(refusal.get());
    }
    tx.reviews()
        .insert(new ReviewRecord(
            "", rec.id(), asked.reviewer().id(), asked.verdict(), asked.digest(), asked.comment(), now));
    List<ReviewRecord> reviews = tx.reviews().listForChange(rec.id());
    Decision decision = policy.get().engine().decide(input, PolicyInputs.reviews(reviews), dir);
    String state = ChangeStates.of(decision);
    decisions.store(tx, rec.id(), state, rec.digest(), decision, now);
    audit.reviewed(tx, asked.reviewer(), rec, asked.verdict(), asked.digest(), asked.comment(), decision, state, now);
    return ChangeViews.view(ChangeDecisions.reread(tx, rec.id()), analysis, decision, state, reviews);
  }
}
