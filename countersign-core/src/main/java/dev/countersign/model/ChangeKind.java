package dev.countersign.model;

import java.util.Optional;

/** The formats a change can come in. */
public enum ChangeKind {
  TERRAFORM_PLAN("terraform-plan"),
  CLOUDFORMATION_CHANGESET("cloudformation-changeset"),
  KUBERNETES("kubernetes"),
  SQL("sql"),
  SHELL("shell"),
  GIT("git"),
  /** An AI coding agent's tool call that is not a shell command: a file edit, an MCP call, a read. */
  AGENT_TOOL("agent-tool");

  private final String wire;

  ChangeKind(String wire) {
    this.wire = wire;
  }

  /** The word used on the wire and on the command line. */
  public String wire() {
    return wire;
  }

  /** Finds a kind by its wire word. */
  public static Optional<ChangeKind> fromWire(String word) {
    for (ChangeKind k : values()) {
      if (k.wire.equals(word)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
