package dev.countersign.server;

import dev.countersign.digest.ChangeDigest;
import dev.countersign.directory.Agent;
import dev.countersign.directory.Directory;
import dev.countersign.directory.Human;
import dev.countersign.directory.Principal;
import dev.countersign.directory.ServiceIdentity;
import dev.countersign.model.Analysis;
import dev.countersign.model.Change;
import dev.countersign.model.ChangeKind;
import dev.countersign.policy.Decision;
import dev.countersign.policy.DecisionInput;
import dev.countersign.policy.Review;
import dev.countersign.policy.ToolUse;
import dev.countersign.policy.Verdict;
import dev.countersign.render.Views;
import dev.countersign.store.AuditLog;
import dev.countersign.store.ChangeRecord;
import dev.countersign.store.ReviewRecord;
import dev.countersign.store.Store;
import dev.countersign.store.Tx;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The server's use cases: propose a change, review it, read it. Each write runs in one store
 * transaction together with the audit events that describe it, so an acknowledged write and its
 * audit trail survive or vanish together.
 */
public final class ChangeService {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final int MAX_TITLE = 200;
  private static final int MAX_COMMENT = 4000;
  private static final int MAX_SERVICES = 100;

  private final Store store;
  private final Supplier<Directory> directory;
  private final Supplier<PolicyRuntime> policy;
  private final ChangeAnalyzer analyzer;
  private final InstantSource clock;
  private final JsonCodec json;
  private final StoredForms forms;
  private final BlastRadiusSource blastRadius;

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
    this.blastRadius = blastRadius;
    this.store = store;
    this.directory = directory;
    this.policy = policy;
    this.analyzer = analyzer;
    this.clock = clock;
    this.json = json;
    this.forms = new StoredForms(json);
  }

  /** Analyses, decides and stores a proposed change; returns its view. */
  public Map<String, Object> propose(String callerId, ProposeRequest request) {
    Directory dir = directory.get();
    Principal caller = caller(dir, callerId);
    Human author = authorFor(dir, caller, request);
    String agentId = caller instanceof Agent a ? a.id() : "";
    String environment = name("environment", request.environment());
    List<String> services = services(request.services());
    String title = request.title() == null ? "" : request.title().strip();
    if (title.length() > MAX_TITLE) {
      throw ApiException.badRequest("title is longer than " + MAX_TITLE + " characters");
    }
    if (request.content() == null || request.content().isBlank()) {
      throw ApiException.badRequest("content is required: the plan JSON or the command text");
    }
    Optional<ChangeKind> kind = kind(request.kind());
    Analysis analysis =
        withBlastRadius(analyzer.analyze(kind, request.content().getBytes(StandardCharsets.UTF_8)), services);
    String digest = ChangeDigest.of(analysis.kind(), environment, services, analysis.actions());
    boolean aiAssisted = Boolean.TRUE.equals(request.aiAssisted()) || !agentId.isEmpty();
    Instant now = clock.instant();
    Proposed proposed =
        new Proposed(environment, services, aiAssisted, title, request.content(), analysis, digest);
    return store.transaction(
        tx -> {
          Recorded r = record(tx, dir, caller, author, proposed, Optional.empty(), now);
          auditRecorded(tx, caller, r, now);
          return view(r.change(), analysis, r.decision(), r.state(), List.of());
        });
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

  /** The analysis with its blast radius over the catalog (not part of the digest). */
  private Analysis withBlastRadius(Analysis analysis, List<String> services) {
    return analysis.withBlastRadius(blastRadius.of(services, analysis.actions()));
  }

  /** The proposal with its blast radius, unless it has one already (as {@link #propose} gives it). */
  private Proposed withBlastRadius(Proposed p) {
    if (!p.analysis().blastRadius().services().isEmpty()) {
      return p;
    }
    return new Proposed(p.environment(), p.services(), p.aiAssisted(), p.title(), p.content(),
        withBlastRadius(p.analysis(), p.services()), p.digest());
  }

  /** A change as stored, with the decision taken on it and the state that follows. */
  record Recorded(ChangeRecord change, Decision decision, String state) {}

  /**
   * Decides a change that is not stored (yet): the same decision {@link #propose} takes, for an
   * agent's tool call that is only stored when it needs approval.
   */
  Decision evaluate(Directory dir, Principal caller, Human author, Proposed proposed, Optional<ToolUse> tool, Instant now) {
    Proposed p = withBlastRadius(proposed);
    String agentId = caller instanceof Agent a ? a.id() : "";
    Change change =
        new Change("", p.analysis().kind(), p.environment(), p.services(), author.id(), agentId,
            p.aiAssisted(), p.title(), p.digest());
    return policy.get().engine().decide(
        input(dir, change, p.analysis(), author, caller, now, tool), List.of(), dir);
  }

  /**
   * Stores a proposed change and decides it: the one path every stored proposal takes. The caller
   * appends the audit events with {@link #auditRecorded} (last, since appending locks the journal).
   */
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
    Change change = change(stored);
    Decision decision =
        policy.get().engine().decide(input(dir, change, p.analysis(), author, caller, now, tool), List.of(), dir);
    String state = ChangeStates.of(decision);
    tx.changes().updateDecision(stored.id(), state, p.digest(), json.writeString(Views.decision(decision)), now);
    return new Recorded(reread(tx, stored.id()), decision, state);
  }

  /** Appends the {@code change.proposed} and {@code change.decided} events of a recorded change. */
  void auditRecorded(Tx tx, Principal caller, Recorded r, Instant now) {
    audit(tx, "change.proposed", caller.id(), r.change().id(), proposedPayload(r.change(), caller), now);
    audit(tx, "change.decided", "countersign", r.change().id(), decidedPayload(r.decision(), r.state()), now);
  }

  /**
   * Re-decides a stored change at {@code now} with its reviews, storing a state that moved with a
   * {@code change.redecided} event; lock the change first when the answer is acted on.
   */
  Recorded redecide(Tx tx, Directory dir, ChangeRecord rec, Instant now) {
    Analysis analysis = forms.readAnalysis(rec.analysisJson());
    Human author = author(dir, rec);
    List<ReviewRecord> reviews = tx.reviews().listForChange(rec.id());
    Decision decision =
        policy.get().engine().decide(
            input(dir, change(rec), analysis, author, actorOf(dir, rec, author), now, toolOf(tx, rec)),
            toReviews(reviews), dir);
    String state = ChangeStates.of(decision);
    if (state.equals(rec.state())) {
      return new Recorded(rec, decision, state);
    }
    tx.changes().updateDecision(rec.id(), state, rec.digest(), json.writeString(Views.decision(decision)), now);
    Map<String, Object> payload = decidedPayload(decision, state);
    payload.put("previousState", rec.state());
    audit(tx, "change.redecided", "countersign", rec.id(), payload, now);
    return new Recorded(reread(tx, rec.id()), decision, state);
  }

  /** The agent tool call a change was recorded for, as policy sees it. */
  private static Optional<ToolUse> toolOf(Tx tx, ChangeRecord rec) {
    if (rec.agent().isEmpty()) {
      return Optional.empty();
    }
    return tx.toolCalls().get(rec.id())
        .map(c -> new ToolUse(c.client(), c.tool(), c.permissionMode(), c.sessionId()));
  }

  /** The directory in force now. */
  Directory directory() {
    return directory.get();
  }

  /** Appends an audit event (JSON payload) in {@code tx}. */
  void appendAudit(Tx tx, String type, String actor, String subject, Map<String, Object> payload, Instant now) {
    audit(tx, type, actor, subject, payload, now);
  }

  /** Records a review of a change and re-decides it; returns the change's view. */
  public Map<String, Object> review(String callerId, String changeId, ReviewRequest request) {
    Directory dir = directory.get();
    Principal reviewer = caller(dir, callerId);
    Verdict verdict = verdict(request.verdict());
    if (request.digest() == null || request.digest().isBlank()) {
      throw ApiException.badRequest("digest is required: the change digest you reviewed");
    }
    String comment = request.comment() == null ? "" : request.comment();
    if (comment.length() > MAX_COMMENT) {
      throw ApiException.badRequest("comment is longer than " + MAX_COMMENT + " characters");
    }
    Instant now = clock.instant();
    return store.transaction(
        tx -> {
          ChangeRecord rec =
              tx.changes().getForUpdate(changeId).orElseThrow(() -> notFound(changeId));
          if (!rec.digest().equals(request.digest())) {
            throw ApiException.conflict(
                "digest " + request.digest() + " is not this change's current digest " + rec.digest()
                    + "; review the current version");
          }
          Analysis analysis = forms.readAnalysis(rec.analysisJson());
          Change change = change(rec);
          Human author = author(dir, rec);
          DecisionInput input =
              input(dir, change, analysis, author, actorOf(dir, rec, author), now, toolOf(tx, rec));
          Optional<String> refusal = policy.get().engine().reviewRefusal(input, reviewer, dir);
          if (refusal.isPresent()) {
            throw ApiException.forbidden(refusal.get());
          }
          tx.reviews()
              .insert(new ReviewRecord("", rec.id(), reviewer.id(), verdict, request.digest(), comment, now));
          List<ReviewRecord> reviews = tx.reviews().listForChange(rec.id());
          Decision decision = policy.get().engine().decide(input, toReviews(reviews), dir);
          String state = ChangeStates.of(decision);
          tx.changes().updateDecision(rec.id(), state, rec.digest(), json.writeString(Views.decision(decision)), now);
          Map<String, Object> payload = new LinkedHashMap<>();
          payload.put("verdict", verdict.wire());
          payload.put("digest", request.digest());
          payload.put("comment", comment);
          audit(tx, "change.reviewed", reviewer.id(), rec.id(), payload, now);
          audit(tx, "change.decided", "countersign", rec.id(), decidedPayload(decision, state), now);
          return view(reread(tx, rec.id()), analysis, decision, state, reviews);
        });
  }

  /**
   * Reads a change, re-deciding it at the current time so expired approvals stop counting; a state
   * that moved is stored with an audit event.
   */
  public Map<String, Object> get(String callerId, String changeId) {
    Directory dir = directory.get();
    caller(dir, callerId);
    Instant now = clock.instant();
    return store.transaction(
        tx -> {
          ChangeRecord rec = tx.changes().get(changeId).orElseThrow(() -> notFound(changeId));
          Recorded r = redecide(tx, dir, rec, now);
          return view(r.change(), forms.readAnalysis(rec.analysisJson()), r.decision(), r.state(),
              tx.reviews().listForChange(rec.id()));
        });
  }

  /** Lists changes in a state, oldest first, without re-deciding them. */
  public List<Map<String, Object>> list(String callerId, String state, int limit) {
    caller(directory.get(), callerId);
    if (!ChangeStates.known(state)) {
      throw ApiException.badRequest(
          "unknown state '" + state + "' (expected pending, approved, allowed, rejected or denied)");
    }
    return store.transaction(
        tx -> {
          List<Map<String, Object>> out = new ArrayList<>();
          for (ChangeRecord rec : tx.changes().listByState(state, limit)) {
            out.add(summaryView(rec));
          }
          return out;
        });
  }

  private static ChangeRecord reread(Tx tx, String id) {
    return tx.changes().get(id).orElseThrow(() -> notFound(id));
  }

  private DecisionInput input(
      Directory dir, Change change, Analysis analysis, Human author, Principal actor, Instant now,
      Optional<ToolUse> tool) {
    Optional<Agent> agent = change.byAgent() ? dir.agent(change.agent()) : Optional.empty();
    if (change.byAgent() && agent.isEmpty()) {
      // The agent left the directory: decide with it as actor anyway; least privilege then denies.
      agent = Optional.of(new Agent(change.agent(), "", "", List.of()));
    }
    return new DecisionInput(change, analysis, author, agent, actor, now, policy.get().freezes(), tool);
  }

  private static List<Review> toReviews(List<ReviewRecord> records) {
    return records.stream()
        .map(r -> new Review(r.reviewer(), r.verdict(), r.digest(), r.comment(), r.at()))
        .toList();
  }

  private static Change change(ChangeRecord r) {
    ChangeKind kind = ChangeKind.fromWire(r.kind()).orElseThrow();
    return new Change(r.id(), kind, r.environment(), r.services(), r.author(), r.agent(), r.aiAssisted(), r.title(), r.digest());
  }

  private static Principal actorOf(Directory dir, ChangeRecord rec, Human author) {
    if (!rec.agent().isEmpty()) {
      return dir.find(rec.agent()).orElse(new Agent(rec.agent(), "", "", List.of()));
    }
    return author;
  }

  private static Human author(Directory dir, ChangeRecord rec) {
    // An author who has left the directory still authored the change; keep them, least senior.
    return dir.human(rec.author())
        .orElse(new Human(rec.author(), rec.author(), dev.countersign.directory.Level.JUNIOR, List.of(), List.of()));
  }

  private static Principal caller(Directory dir, String callerId) {
    return dir.find(callerId)
        .orElseThrow(
            () -> ApiException.forbidden("principal '" + callerId + "' is not in the directory any more"));
  }

  private static Human authorFor(Directory dir, Principal caller, ProposeRequest request) {
    return switch (caller) {
      case Human h -> {
        if (request.author() != null && !request.author().equals(h.id())) {
          throw ApiException.forbidden("humans propose as themselves; 'author' must be omitted or '" + h.id() + "'");
        }
        yield h;
      }
      case Agent a -> {
        if (request.author() != null) {
          throw ApiException.forbidden("an agent's changes are authored by its sponsor; omit 'author'");
        }
        yield dir.human(a.sponsor())
            .orElseThrow(
                () -> ApiException.forbidden(
                    "agent '" + a.id() + "' has no sponsor in the directory ('" + a.sponsor() + "'), so it may not propose"));
      }
      case ServiceIdentity s -> {
        if (request.author() == null) {
          throw ApiException.badRequest(
              "service identity '" + s.id() + "' must name the accountable human in 'author'");
        }
        yield dir.human(request.author())
            .orElseThrow(() -> ApiException.badRequest("author '" + request.author() + "' is not a known human"));
      }
    };
  }

  private static String name(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest(field + " is required");
    }
    if (!NAME.matcher(value).matches()) {
      throw ApiException.badRequest(
          field + " '" + abbreviate(value) + "' is not a valid name (letters, digits, '.', '_', '-'; at most 64)");
    }
    return value;
  }

  private static List<String> services(List<String> services) {
    if (services == null) {
      return List.of();
    }
    if (services.size() > MAX_SERVICES) {
      throw ApiException.badRequest("at most " + MAX_SERVICES + " services");
    }
    List<String> out = new ArrayList<>();
    for (String s : services) {
      out.add(name("services[]", s));
    }
    return out;
  }

  private static Optional<ChangeKind> kind(String kind) {
    if (kind == null || kind.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        ChangeKind.fromWire(kind)
            .orElseThrow(
                () -> ApiException.badRequest(
                    "unknown kind '" + abbreviate(kind) + "' (expected terraform-plan, cloudformation-changeset, kubernetes, sql, shell or git, or omit it to detect)")));
  }

  private static Verdict verdict(String verdict) {
    if ("approve".equals(verdict)) {
      return Verdict.APPROVE;
    }
    if ("reject".equals(verdict)) {
      return Verdict.REJECT;
    }
    throw ApiException.badRequest("verdict must be 'approve' or 'reject'");
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  private static ApiException notFound(String id) {
    return ApiException.notFound("no change '" + abbreviate(id) + "'");
  }

  private void audit(Tx tx, String type, String actor, String subject, Map<String, Object> payload, Instant now) {
    tx.audit().appendAll(List.of(auditEntry(type, actor, subject, payload, now)));
  }

  /** An audit entry with its payload as JSON, ready to append. */
  AuditLog.Entry auditEntry(String type, String actor, String subject, Map<String, Object> payload, Instant now) {
    return new AuditLog.Entry(type, actor, subject, json.writeString(payload), now);
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

  private Map<String, Object> view(
      ChangeRecord rec, Analysis analysis, Decision decision, String state, List<ReviewRecord> reviews) {
    Map<String, Object> m = summaryView(rec);
    m.put("state", state);
    m.put("decision", Views.decision(decision));
    m.put("analysis", Views.analysis(analysis, rec.digest()));
    m.put("reviews", reviews.stream().map(ChangeService::reviewView).toList());
    return m;
  }

  private static Map<String, Object> summaryView(ChangeRecord rec) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", rec.id());
    m.put("digest", rec.digest());
    m.put("state", rec.state());
    m.put("kind", rec.kind());
    m.put("environment", rec.environment());
    m.put("services", rec.services());
    m.put("title", rec.title());
    m.put("author", rec.author());
    m.put("agent", rec.agent());
    m.put("aiAssisted", rec.aiAssisted());
    m.put("createdAt", rec.createdAt().toString());
    m.put("updatedAt", rec.updatedAt().toString());
    return m;
  }

  private static Map<String, Object> reviewView(ReviewRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("reviewer", r.reviewer());
    m.put("verdict", r.verdict().wire());
    m.put("digest", r.digest());
    m.put("comment", r.comment());
    m.put("at", r.at().toString());
    return m;
  }
}
