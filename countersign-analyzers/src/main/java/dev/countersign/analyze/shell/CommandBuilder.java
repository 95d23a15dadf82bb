package dev.countersign.analyze.shell;

import java.util.ArrayList;
import java.util.List;

/** Collects one simple command's parts while {@link ShellParser} reads it. */
final class CommandBuilder {
  final String separator;
  final List<String> words = new ArrayList<>();
  final List<String> rawWords = new ArrayList<>();
  final List<SimpleCommand.Redirect> redirects = new ArrayList<>();
  final List<String> stdin = new ArrayList<>();
  final List<String> substitutions = new ArrayList<>();

  CommandBuilder(String separator) {
    this.separator = separator;
  }

  boolean isEmpty() {
    return words.isEmpty() && redirects.isEmpty() && substitutions.isEmpty();
  }

  SimpleCommand build() {
    return new SimpleCommand(words, rawWords, separator, redirects, stdin, substitutions);
  }
}
