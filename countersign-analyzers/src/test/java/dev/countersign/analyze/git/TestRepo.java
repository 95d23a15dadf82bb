package dev.countersign.analyze.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A real git repository in a temporary folder, built commit by commit with the real git. */
final class TestRepo {

  private final Path dir;

  TestRepo(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    git("init", "-q", "-b", "main");
    git("config", "commit.gpgsign", "false");
  }

  Path dir() {
    return dir;
  }

  TestRepo write(String path, String content) {
    try {
      Path p = dir.resolve(path);
      Files.createDirectories(p.getParent());
      Files.writeString(p, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Commits everything as the author, with the message, and returns the new commit's hash. */
  String commit(String author, String message) {
    String name = author.substring(0, author.indexOf('<')).strip();
    String email = author.substring(author.indexOf('<') + 1, author.indexOf('>'));
    git("add", "-A");
    run(
        List.of("git", "commit", "-q", "--allow-empty", "-m", message),
        Map.of(
            "GIT_AUTHOR_NAME",
            name,
            "GIT_AUTHOR_EMAIL",
            email,
            "GIT_COMMITTER_NAME",
            name,
            "GIT_COMMITTER_EMAIL",
            email));
    return git("rev-parse", "HEAD").strip();
  }

  String git(String... args) {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(List.of(args));
    return run(
        command,
        Map.of(
            "GIT_AUTHOR_NAME",
            "Test",
            "GIT_AUTHOR_EMAIL",
            "test@example.com",
            "GIT_COMMITTER_NAME",
            "Test",
            "GIT_COMMITTER_EMAIL",
            "test@example.com"));
  }

  private String run(List<String> command, Map<String, String> env) {
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("GIT_"));
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    pb.environment().put("HOME", dir.toString());
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException(command + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
