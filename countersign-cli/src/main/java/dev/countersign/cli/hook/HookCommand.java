package dev.countersign.cli.hook;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code countersign hook ...}: agent hooks. */
@Command(
    name = "hook",
    mixinStandardHelpOptions = true,
    description = "Agent hooks: relay a hook call to the server, or install the hook into an agent's settings.",
    subcommands = {
      ClaudeCodeHookCommand.class, CodexHookCommand.class, CursorHookCommand.class, GeminiHookCommand.class,
      CopilotHookCommand.class, InstallCommand.class
    })
public final class HookCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
