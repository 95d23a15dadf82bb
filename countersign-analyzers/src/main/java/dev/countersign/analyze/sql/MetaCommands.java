package dev.countersign.analyze.sql;

import dev.countersign.model.Verb;
import java.util.List;
import java.util.Locale;

/**
 * psql's backslash meta-commands in a script: {@code \i} runs a file Countersign cannot see and
 * {@code \!} runs a shell command (both exec); {@code \copy … from} loads rows; the rest (such as
 * {@code \connect} or {@code \set}) only change the session.
 */
final class MetaCommands {

  private MetaCommands() {}

  static List<Effect> classify(String line) {
    String body = line.substring(1).strip();
    String[] parts = body.split("\\s+", 2);
    String command = parts[0].toLowerCase(Locale.ROOT);
    String argument = parts.length > 1 ? parts[1].strip() : "";
    if (command.startsWith("!")) {
      return List.of(
          Effect.exec("\\!", SqlObject.STATEMENT, (command.substring(1) + " " + argument).strip()));
    }
    return switch (command) {
      case "i", "ir", "include", "include_relative" ->
          List.of(Effect.exec("\\" + command, SqlObject.SCRIPT, argument));
      case "gexec" -> List.of(Effect.exec("\\gexec", SqlObject.STATEMENT, ""));
      case "copy" -> List.of(copy(argument));
      default -> List.of(Effect.of("\\" + command, Verb.NOOP, SqlObject.SESSION, ""));
    };
  }

  private static Effect copy(String argument) {
    String[] words = argument.split("\\s+");
    String table = words.length > 0 ? words[0] : "";
    boolean from = argument.toLowerCase(Locale.ROOT).matches(".*\\bfrom\\b.*");
    return from
        ? Effect.of("COPY FROM", Verb.CREATE, SqlObject.ROWS, table)
        : Effect.of("COPY TO", Verb.READ, SqlObject.ROWS, table);
  }
}
