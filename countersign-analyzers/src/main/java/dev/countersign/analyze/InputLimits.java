package dev.countersign.analyze;

/**
 * Bounds on the input an analyser accepts, so that hostile or broken input fails fast with a clear
 * error instead of exhausting memory or the stack.
 *
 * @param maxBytes the largest input accepted, in bytes of the raw (encoded) input
 * @param maxDepth the deepest nesting accepted (JSON arrays and objects; nested shell commands)
 */
public record InputLimits(long maxBytes, int maxDepth) {

  /** The default size bound: big enough for a 50,000-change Terraform plan. */
  public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;

  /** The default nesting bound; real Terraform plans nest about 10 deep. */
  public static final int DEFAULT_MAX_DEPTH = 64;

  public InputLimits {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
    }
    if (maxDepth <= 0) {
      throw new IllegalArgumentException("maxDepth must be positive, was " + maxDepth);
    }
  }

  /** The defaults: 256 MiB and 64 levels of nesting. */
  public static InputLimits defaults() {
    return new InputLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH);
  }

  /** These limits with another size bound. */
  public InputLimits withMaxBytes(long bytes) {
    return new InputLimits(bytes, maxDepth);
  }

  /** These limits with another nesting bound. */
  public InputLimits withMaxDepth(int depth) {
    return new InputLimits(maxBytes, depth);
  }

  /** Fails with {@link AnalysisException.Problem#TOO_LARGE} when {@code size} exceeds the bound. */
  public void checkSize(long size) {
    if (size > maxBytes) {
      throw AnalysisException.of(
          AnalysisException.Problem.TOO_LARGE,
          "input is larger than the limit of " + maxBytes + " bytes");
    }
  }
}
