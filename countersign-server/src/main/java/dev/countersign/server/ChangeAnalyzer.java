package dev.countersign.server;

import dev.countersign.model.Analysis;
import dev.countersign.model.ChangeKind;
import java.util.Optional;

/** Turns proposed content into an analysis; the kind is detected when not given. */
@FunctionalInterface
public interface ChangeAnalyzer {
  /** Analyses {@code content}; throws the analyzers' typed exception for bad input. */
  Analysis analyze(Optional<ChangeKind> kind, byte[] content);
}
