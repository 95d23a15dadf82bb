package dev.countersign.analyze.shell;

import java.util.List;

/**
 * A parsed shell text: its simple commands in the order they appear. Compound commands ({@code if},
 * loops, groups, subshells, function bodies) are flattened: every command inside runs as far as
 * Countersign is concerned, which errs on the side of seeing too much.
 *
 * @param commands the simple commands
 */
record Script(List<SimpleCommand> commands) {

  Script {
    commands = List.copyOf(commands);
  }
}
