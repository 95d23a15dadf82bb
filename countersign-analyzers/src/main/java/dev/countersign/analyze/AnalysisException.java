package dev.countersign.analyze;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;

/**
 * Input that an analyser cannot turn into actions, with the problem named and, where known, where
 * it is (line and column of the decoded text, or byte offset in the raw input).
 *
 * <p>Every analyser promises: any input gives an {@link dev.countersign.model.Analysis} or this
 * exception, nothing else. Its message is written for the person who submitted the input.
 */
public final class AnalysisException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The kind of problem, stable for callers that map it to exit codes or HTTP statuses. */
  public enum Problem {
    /** The input is empty or holds only whitespace or comments. */
    EMPTY,
    /** The input is larger than {@link InputLimits#maxBytes()}. */
    TOO_LARGE,
    /** The input nests deeper than {@link InputLimits#maxDepth()}. */
    TOO_DEEP,
    /** The bytes are not valid in the detected encoding (UTF-8 or UTF-16). */
    INVALID_ENCODING,
    /** The text is not well-formed in its syntax (JSON, shell quoting). */
    MALFORMED,
    /** An object names the same key twice, so what it means is ambiguous. */
    DUPLICATE_KEY,
    /** The syntax is fine but the document is not of the expected shape. */
    INVALID_STRUCTURE,
    /** The kind of input could not be told from its content. */
    UNRECOGNIZED
  }

  private final Problem problem;
  private final long line;
  private final long column;
  private final long byteOffset;

  private AnalysisException(
      Problem problem, String message, long line, long column, long byteOffset, Throwable cause) {
    super(requireNonNull(message, "message"), cause);
    this.problem = requireNonNull(problem, "problem");
    this.line = line;
    this.column = column;
    this.byteOffset = byteOffset;
  }

  /** A problem with no known position. */
  public static AnalysisException of(Problem problem, String message) {
    return new AnalysisException(problem, message, -1, -1, -1, null);
  }

  /** A problem at a line and column (both 1-based) of the decoded text. */
  public static AnalysisException at(
      Problem problem, String message, long line, long column, Throwable cause) {
    String where = line > 0 ? " (line " + line + ", column " + column + ")" : "";
    return new AnalysisException(problem, message + where, line, column, -1, cause);
  }

  /** A problem at a byte offset (0-based) of the raw input. */
  public static AnalysisException atByte(Problem problem, String message, long byteOffset) {
    return new AnalysisException(
        problem, message + " (at byte offset " + byteOffset + ")", -1, -1, byteOffset, null);
  }

  /** What kind of problem this is. */
  public Problem problem() {
    return problem;
  }

  /** The 1-based line of the decoded text where the problem is, when known. */
  public OptionalLong line() {
    return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
  }

  /** The 1-based column of the decoded text where the problem is, when known. */
  public OptionalLong column() {
    return column > 0 ? OptionalLong.of(column) : OptionalLong.empty();
  }

  /** The 0-based byte offset of the raw input where the problem is, when known. */
  public OptionalLong byteOffset() {
    return byteOffset >= 0 ? OptionalLong.of(byteOffset) : OptionalLong.empty();
  }
}
