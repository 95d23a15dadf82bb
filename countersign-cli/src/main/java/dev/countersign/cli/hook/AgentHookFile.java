package dev.countersign.cli.hook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/** One agent's hook configuration file, as far as Countersign's entry in it is concerned. */
interface AgentHookFile {
  /** The agent's name for messages, e.g. {@code Codex}. */
  String client();

  /** The file in {@code project} that holds the hook. */
  Path file(Path project);

  /** The file's content with Countersign's entry merged in, everything else kept. */
  ObjectNode merge(ObjectNode existing);

  /** Why the content would not send every matching call through Countersign, failing closed; empty when it would. */
  List<String> problems(ObjectNode settings);

  /** What the entry does, one line each, for the user. */
  List<String> summary();
}
