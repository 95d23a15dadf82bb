package dev.countersign.analyze.git;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.AnalysisException.Problem;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the real {@code git} binary: no shell, arguments as a list, a bounded run time and a bounded
 * output. The environment is cleaned of {@code GIT_*} variables, prompts, pagers and the system
 * configuration, and every run disables what a hostile repository's configuration could turn into
 * code execution while reading history (external diff drivers, textconv filters, fsmonitor).
 */
final class GitProcess {

  /** The result of one run. */
  record Result(int exitCode, byte[] stdout, String stderr) {

    String text() {
      return new String(stdout, StandardCharsets.UTF_8);
    }
  }

  private static final int STDERR_LIMIT = 16 * 1024;
  private static final List<String> SAFE_CONFIG =
      List.of(
          "-c", "core.fsmonitor=false",
          "-c", "core.pager=cat",
          "-c", "log.showSignature=false",
          "-c", "core.quotePath=false");

  private final Path repo;
  private final Duration timeout;
  private final long maxBytes;
  private final String git;

  GitProcess(Path repo, Duration timeout, long maxBytes, String git) {
    this.repo = repo;
    this.timeout = timeout;
    this.maxBytes = maxBytes;
    this.git = git;
  }

  /** Runs {@code git -C repo <safe config> args…} and waits for it, within the time bound. */
  Result run(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(git);
    command.add("--no-pager");
    command.add("-C");
    command.add(repo.toString());
    command.addAll(SAFE_CONFIG);
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command);
    cleanEnvironment(pb.environment());
    pb.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + git + " (is git installed?)", e);
    }
    AtomicBoolean timedOut = new AtomicBoolean();
    Thread watchdog =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                      timedOut.set(true);
                      p.destroyForcibly();
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    StringBuilder stderr = new StringBuilder();
    Thread errReader =
        Thread.ofVirtual().start(() -> stderr.append(readAtMost(p.getErrorStream(), STDERR_LIMIT)));
    try {
      byte[] out = readLimited(p, p.getInputStream());
      int code = p.waitFor();
      errReader.join();
      watchdog.interrupt();
      if (timedOut.get()) {
        throw AnalysisException.of(
            Problem.TOO_LARGE,
            "git "
                + args.get(0)
                + " took longer than "
                + timeout.toSeconds()
                + " s and was stopped");
      }
      return new Result(code, out, stderr.toString().strip());
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new InterruptedIOException("interrupted running git"));
    }
  }

  /** Runs git and fails with the command's own error message unless it exits with 0. */
  Result runOk(List<String> args, Problem problem, String what) {
    Result r = run(args);
    if (r.exitCode() != 0) {
      String detail = r.stderr().isEmpty() ? "" : ": " + firstLine(r.stderr());
      throw AnalysisException.of(problem, what + detail);
    }
    return r;
  }

  private byte[] readLimited(Process p, InputStream in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    try (in) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (out.size() + (long) n > maxBytes) {
          p.destroyForcibly();
          throw AnalysisException.of(
              Problem.TOO_LARGE, "git's output is larger than the limit of " + maxBytes + " bytes");
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String readAtMost(InputStream in, int limit) {
    try (in) {
      byte[] bytes = in.readNBytes(limit);
      in.transferTo(OutputStream.nullOutputStream());
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static void cleanEnvironment(Map<String, String> env) {
    env.keySet().removeIf(k -> k.startsWith("GIT_"));
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_TERMINAL_PROMPT", "0");
    env.put("GIT_OPTIONAL_LOCKS", "0");
    env.put("GIT_PAGER", "cat");
    env.put("LC_ALL", "C");
  }

  private static File nullDevice() {
    return new java.io.File(
        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
