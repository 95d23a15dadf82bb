package dev.countersign.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code countersign} command: exit 0 ok, 1 the answer is "no", 2 usage or input error. */
@Command(
    name = "countersign",
    mixinStandardHelpOptions = true,
    version = "countersign 0.1.0",
    description = {
      "Countersign stands between AI coding agents and production: it analyses proposed changes, decides them by policy, and collects the human approvals the policy asks for.",
      "",
      "Exit codes: 0 ok/allow, 1 the answer is no (deny, needs approval, test failed), 2 usage or input error."
    },
    subcommands = {
      AnalyzeCommand.class,
      CheckCommand.class,
      PolicyCommand.class,
      dev.countersign.cli.remote.AgentCommand.class,
      dev.countersign.cli.remote.ApproveCommand.class,
      dev.countersign.cli.remote.RejectCommand.class,
      dev.countersign.cli.hook.HookCommand.class,
      ServeCommand.class,
      TokenCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Exit code for "ok" / allow. */
  public static final int OK = 0;
  /** Exit code when the answer is "no". */
  public static final int NO = 1;
  /** Exit code for usage and input errors. */
  public static final int INPUT_ERROR = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the CLI and exits with its code. */
  public static void main(String[] args) {
    quietLibraries();
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (for tests). */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(new ErrorHandler());
    return cli.execute(args);
  }

  private static void quietLibraries() {
    try (java.io.InputStream in = Main.class.getResourceAsStream("/countersign-logging.properties")) {
      if (in != null && System.getProperty("java.util.logging.config.file") == null) {
        java.util.logging.LogManager.getLogManager().readConfiguration(in);
      }
    } catch (java.io.IOException e) {
      // Keep the JDK's default logging: noisier, never wrong.
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
