package dev.countersign.analyze.git;

import static java.util.Objects.requireNonNull;

/**
 * One file the range changes, between the merge base and the range's end.
 *
 * @param path the file's path at the end of the range (its old path when deleted)
 * @param previousPath the path before a rename or copy, else empty
 * @param status what happened to the file
 * @param linesAdded lines added (0 for binary files)
 * @param linesRemoved lines removed (0 for binary files)
 * @param binary whether git sees the file as binary
 * @param oldBlob the blob hash before (all zeros when added)
 * @param newBlob the blob hash after (all zeros when deleted)
 */
public record GitFileChange(
    String path,
    String previousPath,
    Status status,
    long linesAdded,
    long linesRemoved,
    boolean binary,
    String oldBlob,
    String newBlob) {

  /** git's change statuses. */
  public enum Status {
    ADDED,
    MODIFIED,
    DELETED,
    RENAMED,
    COPIED,
    TYPE_CHANGED,
    UNKNOWN;

    /** The status of a letter of {@code git diff --raw} ({@code A}, {@code M}, {@code R100}, …). */
    static Status of(String letters) {
      return switch (letters.isEmpty() ? '?' : letters.charAt(0)) {
        case 'A' -> ADDED;
        case 'M' -> MODIFIED;
        case 'D' -> DELETED;
        case 'R' -> RENAMED;
        case 'C' -> COPIED;
        case 'T' -> TYPE_CHANGED;
        default -> UNKNOWN;
      };
    }
  }

  public GitFileChange {
    requireNonNull(path, "path");
    requireNonNull(previousPath, "previousPath");
    requireNonNull(status, "status");
    requireNonNull(oldBlob, "oldBlob");
    requireNonNull(newBlob, "newBlob");
  }
}
