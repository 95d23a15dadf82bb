package dev.countersign.server;

import static java.util.Objects.requireNonNull;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.policy.Decision;
import dev.countersign.server.ChangeService.Proposed;
import dev.countersign.server.ChangeService.Recorded;
import dev.countersign.server.agent.AgentAnswer;
import dev.countersign.server.agent.Explanations;
import dev.countersign.server.agent.Narrowing;
import dev.countersign.server.agent.ToolCall;
import dev.countersign.server.agent.ToolCallException;
import dev.countersign.server.agent.ToolMapper;
import dev.countersign.server.agent.WorkdirRules;
import dev.countersign.store.AuditSpool;
import dev.countersign.store.AuthenticatedToken;
import dev.countersign.store.ChangeRecord;
import dev.countersign.store.Store;
import dev.countersign.store.ToolCallRecord;
import dev.countersign.store.Tx;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides an AI coding agent's tool call, for every hook adapter: the agent's token gives the
 * target, the tool call becomes a change, and the same policy path as {@code POST /v1/changes}
 * decides it. Allowed and denied calls are only audited; a call that needs approval is stored as a
 * pending change, optionally held open until a human approves, and once approved is allowed exactly
 * once (the approval is consumed under the change's row lock).
 *
 * <p>Fails closed: a token without scope, a caller that is not an agent, input it cannot read, and
 * any error all answer deny with a reason.
 *
 * <p>A fresh allow or deny writes nothing but its audit event: that event is appended through an
 * {@link AuditBatcher}, which commits the events of concurrent decisions in one transaction; each
 * answer is given only after its own event is committed, and a failed append is a deny.
 */
public final class AgentGate {
  private static final int OPEN_CALLS_LOOKED_AT = 5;

  private final Store store;
  private final ChangeService changes;
  private final ToolMapper mapper;
  private final InstantSource clock;
  private final Hold hold;
  private final WorkdirRules workdirs;
  private final AuditBatcher journal;

  /**
   * How long a call that needs approval is held open, polling for the approval, and how it sleeps.
   *
   * @param budget how long to hold (zero answers at once); keep it below the hook's timeout
   * @param pollEvery how often to look for the approval while holding
   * @param sleeper how to wait (tests move a clock instead)
   */
  public record Hold(Duration budget, Duration pollEvery, Sleeper sleeper) {
    public Hold {
      requireNonNull(budget, "budget");
      requireNonNull(pollEvery, "pollEvery");
      requireNonNull(sleeper, "sleeper");
      if (budget.isNegative() || pollEvery.isNegative() || pollEvery.isZero()) {
        throw new IllegalArgumentException("the hold budget must not be negative and the poll interval must be positive");
      }
    }

    /** Answers at once, never holding. */
    public static Hold none() {
      return new Hold(Duration.ZERO, Duration.ofMillis(500), d -> {});
    }
  }

  /** Waits for a while. */
  @FunctionalInterface
  public interface Sleeper {
    /** Waits {@code d}; an interrupt ends the wait early. */
    void sleep(Duration d) throws InterruptedException;
  }

  public AgentGate(Store store, ChangeService changes, ToolMapper mapper, InstantSource clock, Hold hold) {
    this(store, changes, mapper, clock, hold, WorkdirRules.none());
  }

  /** A gate whose calls are also narrowed by the server's rules on the agent's working directory. */
  public AgentGate(Store store, ChangeService changes, ToolMapper mapper, InstantSource clock, Hold hold, WorkdirRules workdirs) {
    this(store, changes, mapper, clock, hold, workdirs, Optional.empty());
  }

  /**
   * A gate that writes the audit events of fresh allows and denies to {@code spool} (when there is
   * one) before answering, instead of committing each group to the store; the spool moves them into
   * the audit log in large batches.
   */
  public AgentGate(Store store, ChangeService changes, ToolMapper mapper, InstantSource clock, Hold hold, WorkdirRules workdirs,
      Optional<AuditSpool> spool) {
    this.store = requireNonNull(store, "store");
    this.changes = requireNonNull(changes, "changes");
    this.mapper = requireNonNull(mapper, "mapper");
    this.clock = requireNonNull(clock, "clock");
    this.hold = requireNonNull(hold, "hold");
    this.workdirs = requireNonNull(workdirs, "workdirs");
    this.journal = new AuditBatcher(store, changes, AuditBatcher.DEFAULT_WINDOW, spool);
  }

  /** The answer to one tool call made with {@code token}; never throws for bad input. */
  public AgentAnswer decide(AuthenticatedToken token, ToolCall call, Narrowing narrowing) {
    return decide(token, call, List.of(narrowing));
  }

  /**
   * The answer to one tool call, its target narrowed by what the request asks ({@code requested}: the
   * hook URL, the repository) and then by the server's working-directory rules; never throws for bad
   * input.
   */
  public AgentAnswer decide(AuthenticatedToken token, ToolCall call, List<Narrowing> requested) {
    List<Narrowing> narrowing = new ArrayList<>(requested);
    workdirs.narrowingFor(call.cwd()).ifPresent(narrowing::add);
    HookEvents.Subject subject = HookEvents.Subject.unresolved(token.principalId(), call);
    AuditBatcher.Ticket ticket = journal.begin();
    try {
      AgentCall ctx = AgentCall.resolve(changes.directory(), token, call, narrowing, mapper);
      subject = ctx.subject();
      return decide(ctx, ticket);
    } catch (AgentTarget.Refusal | ToolCallException e) {
      journal.end(ticket);
      return refuse(subject, e.getMessage());
    } catch (AnalysisException e) {
      journal.end(ticket);
      return refuse(subject, "Countersign could not read this command: " + e.getMessage());
    } finally {
      journal.end(ticket);
    }
  }

  /** Denies a hook request that could not be read at all, and audits the refusal. */
  public AgentAnswer refuseUnreadable(AuthenticatedToken token, String why) {
    ToolCall unknown = new ToolCall("", "", "", "", "", "", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    return refuse(HookEvents.Subject.unresolved(token.principalId(), unknown), why);
  }

  private AgentAnswer decide(AgentCall ctx, AuditBatcher.Ticket ticket) {
    Instant now = clock.instant();
    Step first = store.transaction(tx -> first(tx, ctx, now));
    if (first.audit().isPresent()) { // decided without writing: audit (group commit), then answer
      journal.append(ticket, first.audit().get());
      return first.answer().orElseThrow();
    }
    journal.end(ticket); // anything else writes in its own transactions: no batch waits for it
    if (first.answer().isPresent()) {
      return first.answer().get();
    }
    return holdFor(ctx, first.pendingChange().orElseThrow(), now);
  }

  /** Uses an approved earlier call, or decides afresh; a pending call is answered only when not held. */
  private Step first(Tx tx, AgentCall ctx, Instant now) {
    for (ToolCallRecord open : tx.toolCalls().unconsumed(ctx.agent().id(), ctx.action().inputDigest(), OPEN_CALLS_LOOKED_AT)) {
      Optional<ChangeRecord> locked = tx.changes().getForUpdate(open.changeId());
      if (locked.isEmpty() || !locked.get().digest().equals(ctx.digest())) {
        continue; // what the call would do changed (policy, analyser): it is a new call
      }
      Step step = settle(tx, ctx, locked.get(), now, hold.budget().isZero(), 0);
      if (step.answer().isPresent() || step.pendingChange().isPresent()) {
        return step;
      }
    }
    Proposed proposed = ctx.proposed();
    Decision decision = changes.evaluate(ctx.dir(), ctx.agent(), ctx.sponsor(), proposed, Optional.of(ctx.tool()), now);
    switch (decision.outcome()) {
      case ALLOW -> {
        return answeredLater(ctx, decision, AgentAnswer.allow(Explanations.allowed(decision)), now);
      }
      case DENY -> {
        return answeredLater(ctx, decision, AgentAnswer.deny(Explanations.denied(decision)), now);
      }
      default -> {
        Recorded r = changes.record(tx, ctx.dir(), ctx.agent(), ctx.sponsor(), proposed, Optional.of(ctx.tool()), now);
        tx.toolCalls().insert(ctx.toolCallRecord(r.change().id(), now));
        changes.auditRecorded(tx, ctx.agent(), r, now);
        return settleFresh(tx, ctx, r, now);
      }
    }
  }

  private Step settleFresh(Tx tx, AgentCall ctx, Recorded r, Instant now) {
    if (!r.state().equals(ChangeStates.PENDING)) { // decided otherwise once stored: answer that
      AgentAnswer a = r.decision().outcome() == dev.countersign.policy.Outcome.ALLOW
          ? AgentAnswer.allow(Explanations.allowed(r.decision()))
          : AgentAnswer.deny(Explanations.denied(r.decision()));
      tx.toolCalls().consume(r.change().id(), now);
      return answered(tx, ctx, r.change().id(), r.decision(), a, now);
    }
    if (hold.budget().isZero()) {
      return answered(tx, ctx, r.change().id(), r.decision(),
          AgentAnswer.deny(Explanations.pending(r.change().id(), r.decision(), 0)), now);
    }
    return Step.pending(r.change().id());
  }

  /**
   * Acts on a locked, recorded call: an approval is consumed (allow), a reject closes it (deny), a
   * pending one is answered when {@code answerPending}, else reported pending; anything else
   * (policy moved) closes it and reports nothing.
   */
  private Step settle(Tx tx, AgentCall ctx, ChangeRecord locked, Instant now, boolean answerPending, long waited) {
    Recorded r = changes.redecide(tx, ctx.dir(), locked, now);
    String id = locked.id();
    switch (r.state()) {
      case ChangeStates.APPROVED -> {
        if (!tx.toolCalls().consume(id, now)) {
          return Step.nothing();
        }
        return answered(tx, ctx, id, r.decision(), AgentAnswer.allow(Explanations.allowedOnce(id, r.decision())), now);
      }
      case ChangeStates.PENDING -> {
        if (!answerPending) {
          return Step.pending(id);
        }
        return answered(tx, ctx, id, r.decision(), AgentAnswer.deny(Explanations.pending(id, r.decision(), waited)), now);
      }
      case ChangeStates.REJECTED -> {
        tx.toolCalls().consume(id, now);
        return answered(tx, ctx, id, r.decision(), AgentAnswer.deny(Explanations.rejected(id, r.decision())), now);
      }
      default -> {
        tx.toolCalls().consume(id, now);
        return Step.nothing();
      }
    }
  }

  /** Holds the request open until the change is approved or rejected, or the budget runs out. */
  private AgentAnswer holdFor(AgentCall ctx, String changeId, Instant started) {
    Instant deadline = started.plus(hold.budget());
    while (true) {
      Instant now = clock.instant();
      boolean last = !now.isBefore(deadline);
      if (!last) {
        try {
          Duration left = Duration.between(now, deadline);
          hold.sleeper().sleep(left.compareTo(hold.pollEvery()) < 0 ? left : hold.pollEvery());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          last = true;
        }
        last = last || !clock.instant().isBefore(deadline);
      }
      if (!last && stillPending(changeId)) {
        continue;
      }
      boolean answerPending = last;
      long waited = Duration.between(started, clock.instant()).toSeconds();
      Step step = store.transaction(tx -> {
        Optional<ChangeRecord> locked = tx.changes().getForUpdate(changeId);
        if (locked.isEmpty()) {
          return Step.answered(refuseIn(tx, ctx.subject(), "change " + changeId + " vanished while waiting for its approval"));
        }
        return settle(tx, ctx, locked.get(), clock.instant(), answerPending, waited);
      });
      if (step.answer().isPresent()) {
        return step.answer().get();
      }
      if (step.pendingChange().isEmpty()) {
        return refuse(ctx.subject(), "the approval of change " + changeId + " was used by another call or no longer applies; retry to ask again");
      }
    }
  }

  /** A cheap read (no lock) of whether the stored change still waits. */
  private boolean stillPending(String changeId) {
    return store.transaction(tx -> tx.changes().get(changeId).map(c -> c.state().equals(ChangeStates.PENDING)).orElse(false));
  }

  /**
   * A decision that wrote nothing: its audit event is appended after this read-only transaction,
   * batched with concurrent decisions, and the answer is given only once the event is committed.
   */
  private static Step answeredLater(AgentCall ctx, Decision d, AgentAnswer answer, Instant now) {
    return Step.audited(answer, new AuditBatcher.Event(HookEvents.TYPE, ctx.agent().id(), ctx.action().inputDigest(),
        HookEvents.decided(ctx.subject(), "", d, answer), now));
  }

  private Step answered(Tx tx, AgentCall ctx, String changeId, Decision d, AgentAnswer answer, Instant now) {
    changes.appendAudit(tx, HookEvents.TYPE, ctx.agent().id(), changeId.isEmpty() ? ctx.action().inputDigest() : changeId,
        HookEvents.decided(ctx.subject(), changeId, d, answer), now);
    return Step.answered(answer);
  }

  private AgentAnswer refuse(HookEvents.Subject subject, String why) {
    return store.transaction(tx -> refuseIn(tx, subject, why));
  }

  private AgentAnswer refuseIn(Tx tx, HookEvents.Subject subject, String why) {
    AgentAnswer answer = AgentAnswer.deny(Explanations.refused(why));
    changes.appendAudit(tx, HookEvents.TYPE, subject.agent(), subject.inputDigest(),
        HookEvents.refused(subject, answer), clock.instant());
    return answer;
  }

  /**
   * The result of one transaction: an answer (with, when the transaction wrote nothing, the audit
   * event still to append before answering), a change still pending, or nothing settled.
   */
  private record Step(Optional<AgentAnswer> answer, Optional<String> pendingChange, Optional<AuditBatcher.Event> audit) {
    static Step answered(AgentAnswer a) {
      return new Step(Optional.of(a), Optional.empty(), Optional.empty());
    }

    static Step audited(AgentAnswer a, AuditBatcher.Event event) {
      return new Step(Optional.of(a), Optional.empty(), Optional.of(event));
    }

    static Step pending(String changeId) {
      return new Step(Optional.empty(), Optional.of(changeId), Optional.empty());
    }

    static Step nothing() {
      return new Step(Optional.empty(), Optional.empty(), Optional.empty());
    }
  }
}
