package dev.countersign.server;

import dev.countersign.directory.Agent;
import dev.countersign.directory.Directory;
import dev.countersign.directory.Human;
import dev.countersign.directory.Principal;
import dev.countersign.model.Analysis;
import dev.countersign.model.Change;
import dev.countersign.policy.Decision;
import dev.countersign.policy.ToolUse;
import dev.countersign.render.Views;
import dev.countersign.server.ChangeService.Proposed;
import dev.countersign.server.ChangeService.Recorded;
import dev.countersign.store.ChangeRecord;
import dev.countersign.store.ReviewRecord;
import dev.countersign.store.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Asks policy for a change's decision and stores the state that follows: for a proposal that is not
 * stored (an agent's tool call), for one being stored, and again for a stored change whose reviews
 * or clock have moved on.
 */
final class ChangeDecisions {
  private final Supplier<PolicyRuntime> policy;
  private final PolicyInputs inputs;
  private final BlastRadiusSource blastRadius;
  private final StoredForms forms;
  private final JsonCodec json;
  private final ChangeAudit audit;

  ChangeDecisions(
      Supplier<PolicyRuntime> policy, PolicyInputs inputs, BlastRadiusSource blastRadius, StoredForms forms,
      JsonCodec json, ChangeAudit audit) {
    this.policy = policy;
    this.inputs = inputs;
    this.blastRadius = blastRadius;
    this.forms = forms;
    this.json = json;
    this.audit = audit;
  }

  /** Decides a change that is not stored (yet), as {@link #record} would decide it. */
  Decision evaluate(Directory dir, Principal caller, Human author, Proposed proposed, Optional<ToolUse> tool, Instant now) {
    Proposed p = withBlastRadius(proposed);
    String agentId = caller instanceof Agent a ? a.id() : "";
    Change change =
        new Change("", p.analysis().kind(), p.environment(), p.services(), author.id(), agentId,
            p.aiAssisted(), p.title(), p.digest());
    return policy.get().engine().decide(
        inputs.of(dir, change, p.analysis(), author, caller, now, tool), List.of(), dir);
  }

  /** Stores a proposed change pending, decides it, and stores the state the decision gives it. */
  Recorded record(
      Tx tx, Directory dir, Principal caller, Human author, Proposed proposed, Optional<ToolUse> tool, Instant now) {
    Proposed p = withBlastRadius(proposed);
    String agentId = caller instanceof Agent a ? a.id() : "";
    ChangeRecord stored =
        tx.changes()
            .insert(
                new ChangeRecord(
                    "", p.analysis().kind().wire(), p.environment(), p.services(), author.id(), agentId,
                    p.aiAssisted(), p.title(), p.content(), p.digest(), forms.writeAnalysis(p.analysis()),
                    "", ChangeStates.PENDING, now, now));
    Change change = PolicyInputs.change(stored);
    Decision decision =
        policy.get().engine().decide(inputs.of(dir, change, p.analysis(), author, caller, now, tool), List.of(), dir);
    String state = ChangeStates.of(decision);
    store(tx, stored.id(), state, p.digest(), decision, now);
    return new Recorded(reread(tx, stored.id()), decision, state);
  }

  /** Decides a stored change again at {@code now} with its reviews; a state that moved is stored and audited. */
  Recorded redecide(Tx tx, Directory dir, ChangeRecord rec, Instant now) {
    Analysis analysis = forms.readAnalysis(rec.analysisJson());
    List<ReviewRecord> reviews = tx.reviews().listForChange(rec.id());
    Decision decision =
        policy.get().engine().decide(
            inputs.ofStored(tx, dir, rec, analysis, now), PolicyInputs.reviews(reviews), dir);
    String state = ChangeStates.of(decision);
    if (state.equals(rec.state())) {
      return new Recorded(rec, decision, state);
    }
    store(tx, rec.id(), state, rec.digest(), decision, now);
    audit.redecided(tx, rec, decision, state, now);
    return new Recorded(reread(tx, rec.id()), decision, state);
  }

  /** Stores the state a decision leaves a change in, with the decision itself for later reads. */
  void store(Tx tx, String changeId, String state, String digest, Decision decision, Instant now) {
    tx.changes().updateDecision(changeId, state, digest, json.writeString(Views.decision(decision)), now);
  }

  /**
   * The analysis with its blast radius over the catalog. Policy reads the blast radius, so it is
   * filled in before any decision; it is not part of the digest, which depends only on what the
   * change does.
   */
  Analysis withBlastRadius(Analysis analysis, List<String> services) {
    return analysis.withBlastRadius(blastRadius.of(services, analysis.actions()));
  }

  /** The change as stored now, after this transaction's writes. */
  static ChangeRecord reread(Tx tx, String id) {
    return tx.changes().get(id).orElseThrow(() -> ChangeInput.notFound(id));
  }

  // Proposals from propose() already carry one; an agent's tool call arrives without.
  private Proposed withBlastRadius(Proposed p) {
    if (!p.analysis().blastRadius().services().isEmpty()) {
      return p;
    }
    return new Proposed(p.environment(), p.services(), p.aiAssisted(), p.title(), p.content(),
        withBlastRadius(p.analysis(), p.services()), p.digest());
  }
}
