package dev.countersign.server;

import dev.countersign.directory.Agent;
import dev.countersign.directory.Directory;
import dev.countersign.directory.Grant;
import dev.countersign.directory.Principal;
import dev.countersign.model.Verb;
import dev.countersign.store.AgentGrantRecord;
import dev.countersign.store.ManagedAgentRecord;
import dev.countersign.store.Store;
import dev.countersign.store.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The directory every decision reads: org.yaml's principals ∪ the agents managed in the store with
 * their active grants, cached for {@link #CACHE_FOR} and dropped at once by a write through {@link
 * #write}.
 */
final class EffectiveDirectory {
  /** How long a read of the managed agents serves decisions on this node without a write. */
  static final Duration CACHE_FOR = Duration.ofSeconds(1);

  private final Store store;
  private final Supplier<Directory> base;
  private final AtomicReference<Snapshot> cache = new AtomicReference<>();
  private final AtomicLong writes = new AtomicLong();

  private record Snapshot(Directory base, Directory directory, long readAtNanos) {}

  EffectiveDirectory(Store store, Supplier<Directory> base) {
    this.store = store;
    this.base = base;
  }

  /** org.yaml as in force now (it may have been reloaded since the last call). */
  Directory base() {
    return base.get();
  }

  /** org.yaml ∪ the managed agents; re-read when org.yaml changed, after a write, or when stale. */
  Directory current() {
    Snapshot s = cache.get();
    Directory b = base.get();
    long now = System.nanoTime();
    if (s != null && s.base() == b && now - s.readAtNanos() < CACHE_FOR.toNanos()) {
      return s.directory();
    }
    long generation = writes.get();
    Directory fresh = store.transaction(tx -> read(tx, b));
    // A write that finished meanwhile may not be in this read: serve it, but do not keep it.
    if (writes.get() == generation) {
      cache.set(new Snapshot(b, fresh, now));
    }
    return fresh;
  }

  /**
   * Runs a write to the managed agents in one transaction, then drops the cache (even when the
   * write fails: it may have reached the store before failing).
   */
  <T> T write(Function<Tx, T> work) {
    try {
      return store.transaction(work);
    } finally {
      writes.incrementAndGet();
      cache.set(null);
    }
  }

  /** The rights a stored grant gives: only an active one with an expiry (expired ones explain). */
  static Optional<Grant> activeGrant(AgentGrantRecord g) {
    if (!g.state().equals(AgentGrantRecord.ACTIVE) || g.expires().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(toGrant(g.environments(), g.services(), g.verbs(), g.expires().get()));
  }

  private static Directory read(Tx tx, Directory base) {
    List<Principal> all = new ArrayList<>(base.all());
    Map<String, List<Grant>> grants = new LinkedHashMap<>();
    for (AgentGrantRecord g : tx.managedAgents().grants()) {
      activeGrant(g).ifPresent(grant -> grants.computeIfAbsent(g.agentId(), k -> new ArrayList<>()).add(grant));
    }
    for (ManagedAgentRecord a : tx.managedAgents().list()) {
      // An id org.yaml defined later wins: org.yaml is the operators' file (creation refuses such ids).
      if (base.find(a.id()).isEmpty()) {
        all.add(new Agent(a.id(), a.sponsor(), a.model(), grants.getOrDefault(a.id(), List.of())));
      }
    }
    return Directory.of(all);
  }

  private static Grant toGrant(List<String> environments, List<String> services, List<String> verbs, Instant expires) {
    Set<Verb> set = EnumSet.noneOf(Verb.class);
    verbs.forEach(v -> set.add(Verb.fromWire(v)));
    return new Grant(environments, services, set, expires);
  }
}
