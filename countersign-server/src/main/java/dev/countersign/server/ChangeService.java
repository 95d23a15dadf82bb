package dev.countersign.server;

import dev.countersign.directory.Directory;
import dev.countersign.directory.Human;
import dev.countersign.directory.Principal;
import dev.countersign.model.Analysis;
import dev.countersign.policy.Decision;
import dev.countersign.policy.ToolUse;
import dev.countersign.store.AuditLog;
import dev.countersign.store.ChangeRecord;
import dev.countersign.store.Store;
import dev.countersign.store.Tx;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The server's use cases: propose a change, review it, read it. Each write runs in one store
 * transaction together with the audit events that describe it, so an acknowledged write and its
 * audit trail survive or vanish together.
 *
 * <p>A façade: proposals are {@link ChangeProposals}', reviews {@link ChangeReviews}', decisions
 * {@link ChangeDecisions}' and audit events {@link ChangeAudit}'s. The agent hook path ({@link
 * AgentGate}) uses the same decisions and audit events through the package-private methods here.
 */
public final class ChangeService {
  private final Store store;
  private final Supplier<Directory> directory;
  private final InstantSource clock;
  private final StoredForms forms;
  private final ChangeAudit audit;
  private final ChangeDecisions decisions;
  private final ChangeProposals proposals;
  private final ChangeReviews reviews;

  public ChangeService(
      Store store,
      Supplier<Directory> directory,
      Supplier<PolicyRuntime> policy,
      ChangeAnalyzer analyzer,
      InstantSource clock,
      JsonCodec json) {
    this(store, directory, policy, analyzer, clock, json, BlastRadiusSource.none());
  }

  /** A service whose proposals get their blast radius from {@code blastRadius} (the catalog). */
  public ChangeService(
      Store store,
      Supplier<Directory> directory,
      Supplier<PolicyRuntime> policy,
      ChangeAnalyzer analyzer,
      InstantSource clock,
      JsonCodec json,
      BlastRadiusSource blastRadius) {
    this.store = store;
    this.directory = directory;
    this.clock = clock;
    this.forms = new StoredForms(json);
    this.audit = new ChangeAudit(json);
    PolicyInputs inputs = new PolicyInputs(policy);
    this.decisions = new ChangeDecisions(policy, inputs, blastRadius, forms, json, audit);
    this.proposals = new ChangeProposals(store, directory, analyzer, decisions, audit, clock);
    this.reviews = new ChangeReviews(store, directory, policy, inputs, decisions, forms, audit, clock);
  }

  /** Analyses, decides and stores a proposed change; returns its view. */
  public Map<String, Object> propose(String callerId, ProposeRequest request) {
    return proposals.propose(callerId, request);
  }

  /** A change about to be stored: its target, provenance, content and what analysis made of it. */
  record Proposed(
      String environment,
      List<String> services,
      boolean aiAssisted,
      String title,
      String content,
      Analysis analysis,
      String digest) {}

  /** A change as stored, with the decision taken on it and the state that follows. */
  record Recorded(ChangeRecord change, Decision decision, String state) {}

  /**
   * Decides a change that is not stored (yet): the same decision {@link #propose} takes, for an
   * agent's tool call that is only stored when it needs approval.
   */
  Decision evaluate(Directory dir, Principal caller, Human author, Proposed proposed, Optional<ToolUse> tool, Instant now) {
    return decisions.evaluate(dir, caller, author, proposed, tool, now);
  }

  /**
   * Stores a proposed change and decides it: the one path every stored proposal takes. The caller
   * appends the audit events with {@link #auditRecorded} (last, since appending locks the journal).
   */
  Recorded record(
      Tx tx, Directory dir, Principal caller, Human author, Proposed proposed, Optional<ToolUse> tool, Instant now) {
    return decisions.record(tx, dir, caller, author, proposed, tool, now);
  }

  /** Appends the {@code change.proposed} and {@code change.decided} events of a recorded change. */
  void auditRecorded(Tx tx, Principal caller, Recorded r, Instant now) {
    audit.recorded(tx, caller, r, now);
  }

  /**
   * Re-decides a stored change at {@code now} with its reviews, storing a state that moved with a
   * {@code change.redecided} event; lock the change first when the answer is acted on.
   */
  Recorded redecide(Tx tx, Directory dir, ChangeRecord rec, Instant now) {
    return decisions.redecide(tx, dir, rec, now);
  }

  /** The directory in force now. */
  Directory directory() {
    return directory.get();
  }

  /** Appends an audit event (JSON payload) in {@code tx}. */
  void appendAudit(Tx tx, String type, String actor, String subject, Map<String, Object> payload, Instant now) {
    audit.append(tx, type, actor, subject, payload, now);
  }

  /** An audit entry with its payload as JSON, ready to append. */
  AuditLog.Entry auditEntry(String type, String actor, String subject, Map<String, Object> payload, Instant now) {
    return audit.entry(type, actor, subject, payload, now);
  }

  /** Records a review of a change and re-decides it; returns the change's view. */
  public Map<String, Object> review(String callerId, String changeId, ReviewRequest request) {
    return reviews.review(callerId, changeId, request);
  }

  /**
   * Reads a change, re-deciding it at the current time so expired approvals stop counting; a state
   * that moved is stored with an audit event.
   */
  public Map<String, Object> get(String callerId, String changeId) {
    Directory dir = directory.get();
    ChangeInput.caller(dir, callerId);
    Instant now = clock.instant();
    return store.transaction(
        tx -> {
          ChangeRecord rec = tx.changes().get(changeId).orElseThrow(() -> ChangeInput.notFound(changeId));
          Recorded r = decisions.redecide(tx, dir, rec, now);
          return ChangeViews.view(r.change(), forms.readAnalysis(rec.analysisJson()), r.decision(), r.state(),
              tx.reviews().listForChange(rec.id()));
        });
  }

  /** Lists changes in a state, oldest first, without re-deciding them. */
  public List<Map<String, Object>> list(String callerId, String state, int limit) {
    ChangeInput.caller(directory.get(), callerId);
    if (!ChangeStates.known(state)) {
      throw ApiException.badRequest(
          "unknown state '" + state + "' (expected pending, approved, allowed, rejected or denied)");
    }
    return store.transaction(
        tx -> {
          List<Map<String, Object>> out = new ArrayList<>();
          for (ChangeRecord rec : tx.changes().listByState(state, limit)) {
            out.add(ChangeViews.summaryView(rec));
          }
          return out;
        });
  }
}
