package dev.countersign.cli;

import dev.countersign.analyze.InputLimits;
import dev.countersign.model.ChangeKind;
import dev.countersign.server.AgentGate;
import dev.countersign.server.ChangeService;
import dev.countersign.server.agent.ProtectedPaths;
import dev.countersign.server.agent.ToolMapper;
import dev.countersign.server.agent.WorkdirRules;
import dev.countersign.store.AuditSpool;
import dev.countersign.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/** Wires the agent hook gate for {@code countersign serve}: tool mapping, protected paths, holding. */
final class AgentHooks {
  private static final Duration POLL = Duration.ofMillis(500);

  private AgentHooks() {}

  /**
   * The gate the server's hook endpoint asks: its calls also narrowed by the working-directory rules
   * in {@code workdirRules}, its fresh decisions' audit events written through {@code spool} when
   * there is one.
   */
  static AgentGate gate(Store store, ChangeService changes, InputLimits limits, Optional<Path> protectedPaths,
      Optional<Path> workdirRules, Duration hold, Optional<AuditSpool> spool) {
    if (hold.isNegative()) {
      throw new InputError("--hook-hold must not be negative");
    }
    ToolMapper tools = new ToolMapper(
        command -> Setup.ANALYZERS.analyze(ChangeKind.SHELL, command.getBytes(StandardCharsets.UTF_8), limits),
        protectedPaths.map(AgentHooks::load).orElseGet(ProtectedPaths::defaults));
    return new AgentGate(store, changes, tools, InstantSource.system(),
        new AgentGate.Hold(hold, POLL, d -> Thread.sleep(d)),
        workdirRules.map(AgentHooks::loadWorkdirRules).orElseGet(WorkdirRules::none), spool);
  }

  private static WorkdirRules loadWorkdirRules(Path file) {
    try {
      return WorkdirRules.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new InputError("cannot read --workdir-rules " + file + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new InputError(e.getMessage());
    }
  }

  private static ProtectedPaths load(Path file) {
    try {
      return ProtectedPaths.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new InputError("cannot read --protected-paths " + file + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new InputError(e.getMessage());
    }
  }
}
