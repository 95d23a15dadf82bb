package dev.countersign.config.policy;

import static java.util.Objects.requireNonNull;

import dev.countersign.policy.PolicyException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Holds the policy in force and replaces it on {@link #reload()} only when the new one loads and
 * compiles: a broken edit never takes down a working policy. Thread-safe.
 */
public final class PolicyHolder {
  private final Supplier<LoadedPolicy> source;
  private final AtomicReference<LoadedPolicy> current;

  private PolicyHolder(Supplier<LoadedPolicy> source, LoadedPolicy first) {
    this.source = source;
    this.current = new AtomicReference<>(first);
  }

  /** Loads the first policy from {@code source}; throws {@link PolicyException} if that fails. */
  public static PolicyHolder load(Supplier<LoadedPolicy> source) {
    requireNonNull(source, "source");
    return new PolicyHolder(source, source.get());
  }

  /** A holder for a policy directory, loaded with {@code loader}. */
  public static PolicyHolder forDirectory(java.nio.file.Path dir, PolicyLoader loader) {
    return load(() -> loader.load(dir));
  }

  /** The policy in force. */
  public LoadedPolicy current() {
    return current.get();
  }

  /**
   * Loads the policy again and puts it in force; on failure keeps the old one and throws the {@link
   * PolicyException} that explains why.
   */
  public LoadedPolicy reload() {
    LoadedPolicy next = source.get();
    current.set(next);
    return next;
  }
}
