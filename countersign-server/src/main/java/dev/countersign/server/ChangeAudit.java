package dev.countersign.server;

import dev.countersign.directory.Principal;
import dev.countersign.policy.Decision;
import dev.countersign.policy.Verdict;
import dev.countersign.server.ChangeService.Recorded;
import dev.countersign.store.AuditLog;
import dev.countersign.store.ChangeRecord;
import dev.countersign.store.Tx;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit events that describe what happened to a change, appended in the transaction of the
 * write they describe so both survive or vanish together.
 */
final class ChangeAudit {
  /** The actor of events that Countersign itself causes, such as decisions. */
  private static final String SELF = "countersign";

  private final JsonCodec json;

  ChangeAudit(JsonCodec json) {
    this.json = json;
  }

  /** Appends an audit event (JSON payload) in {@code tx}. */
  void append(Tx tx, String type, String actor, String subject, Map<String, Object> payload, Instant now) {
    tx.audit().appendAll(List.of(entry(type, actor, subject, payload, now)));
  }

  /** An audit entry with its payload as JSON, ready to append. */
  AuditLog.Entry entry(String type, String actor, String subject, Map<String, Object> payload, Instant now) {
    return new AuditLog.Entry(type, actor, subject, json.writeString(payload), now);
  }

  /** Appends the {@code change.proposed} and {@code change.decided} events of a recorded change. */
  void recorded(Tx tx, Principal caller, Recorded r, Instant now) {
    append(tx, "change.proposed", caller.id(), r.change().id(), proposedPayload(r.change(), caller), now);
    append(tx, "change.decided", SELF, r.change().id(), decidedPayload(r.decision(), r.state()), now);
  }

  /** Appends the {@code change.reviewed} event of a review and the {@code change.decided} that followed. */
  void reviewed(
      Tx tx, Principal reviewer, ChangeRecord rec, Verdict verdict, String digest, String comment,
      Decision decision, String state, Instant now) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("verdict", verdict.wire());
    payload.put("digest", digest);
    payload.put("comment", comment);
    append(tx, "change.reviewed", reviewer.id(), rec.id(), payload, now);
    append(tx, "change.decided", SELF, rec.id(), decidedPayload(decision, state), now);
  }

  /** Appends the {@code change.redecided} event of a stored change whose state moved. */
  void redecided(Tx tx, ChangeRecord rec, Decision decision, String state, Instant now) {
    Map<String, Object> payload = decidedPayload(decision, state);
    payload.put("previousState", rec.state());
    append(tx, "change.redecided", SELF, rec.id(), payload, now);
  }

  private static Map<String, Object> proposedPayload(ChangeRecord rec, Principal caller) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", rec.kind());
    m.put("environment", rec.environment());
    m.put("services", rec.services());
    m.put("author", rec.author());
    m.put("agent", rec.agent());
    m.put("actor", caller.id());
    m.put("aiAssisted", rec.aiAssisted());
    m.put("digest", rec.digest());
    return m;
  }

  private static Map<String, Object> decidedPayload(Decision d, String state) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("state", state);
    m.put("decision", d.outcome().wire());
    m.put("rules", d.matched().stream().map(r -> r.rule()).toList());
    m.put("policyDigest", d.policyDigest());
    m.put("digest", d.changeDigest());
    return m;
  }
}
