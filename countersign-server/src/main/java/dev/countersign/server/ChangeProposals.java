package dev.countersign.server;

import dev.countersign.digest.ChangeDigest;
import dev.countersign.directory.Agent;
import dev.countersign.directory.Directory;
import dev.countersign.directory.Human;
import dev.countersign.directory.Principal;
import dev.countersign.model.Analysis;
import dev.countersign.model.ChangeKind;
import dev.countersign.server.ChangeService.Proposed;
import dev.countersign.server.ChangeService.Recorded;
import dev.countersign.store.Store;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Proposals through the API: checks the request, analyses the content, computes the digest
 * reviewers approve, then stores and decides the change with its audit events in one transaction.
 */
final class ChangeProposals {
  private final Store store;
  private final Supplier<Directory> directory;
  private final ChangeAnalyzer analyzer;
  private final ChangeDecisions decisions;
  private final ChangeAudit audit;
  private final InstantSource clock;

  ChangeProposals(
      Store store, Supplier<Directory> directory, ChangeAnalyzer analyzer, ChangeDecisions decisions,
      ChangeAudit audit, InstantSource clock) {
    this.store = store;
    this.directory = directory;
    this.analyzer = analyzer;
    this.decisions = decisions;
    this.audit = audit;
    this.clock = clock;
  }

  /** Analyses, decides and stores a proposed change; returns its view. */
  Map<String, Object> propose(String callerId, ProposeRequest request) {
    Directory dir = directory.get();
    Principal caller = ChangeInput.caller(dir, callerId);
    Human author = ChangeInput.authorFor(dir, caller, request);
    String agentId = caller instanceof Agent a ? a.id() : "";
    String environment = ChangeInput.name("environment", request.environment());
    List<String> services = ChangeInput.services(request.services());
    String title = ChangeInput.title(request.title());
    String content = ChangeInput.content(request.content());
    Optional<ChangeKind> kind = ChangeInput.kind(request.kind());
    Analysis analysis =
        decisions.withBlastRadius(analyzer.analyze(kind, content.getBytes(StandardCharsets.UTF_8)), services);
    String digest = ChangeDigest.of(analysis.kind(), environment, services, analysis.actions());
    // A change an agent proposes is AI-assisted whatever the request says.
    boolean aiAssisted = Boolean.TRUE.equals(request.aiAssisted()) || !agentId.isEmpty();
    Instant now = clock.instant();
    Proposed proposed = new Proposed(environment, services, aiAssisted, title, content, analysis, digest);
    return store.transaction(
        tx -> {
          Recorded r = decisions.record(tx, dir, caller, author, proposed, Optional.empty(), now);
          audit.recorded(tx, caller, r, now);
          return ChangeViews.view(r.change(), analysis, r.decision(), r.state(), List.of());
        });
  }
}
