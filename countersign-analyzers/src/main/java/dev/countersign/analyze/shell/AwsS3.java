package dev.countersign.analyze.shell;

import dev.countersign.model.Verb;
import java.util.List;

/** The {@code aws s3} commands, and the identifiers other {@code aws} operations name. */
final class AwsS3 {

  private AwsS3() {}

  static Verdict classify(String op, List<String> rest) {
    List<String> operands = rest.stream().filter(a -> !a.startsWith("-")).toList();
    String target = operands.isEmpty() ? "(bucket)" : operands.getLast();
    boolean recursive = rest.contains("--recursive") || rest.contains("-r");
    if (rest.contains("--dryrun")) {
      return Verdict.one(
          Verb.READ,
          "aws/s3",
          target,
          false,
          "aws s3 " + op + " --dryrun only" + " shows what would change");
    }
    return switch (op) {
      case "ls", "presign" ->
          Verdict.one(Verb.READ, "aws/s3", target, false, "aws s3 " + op + " only reads");
      case "rm" ->
          Verdict.one(
              Verb.DELETE,
              "aws/s3-object",
              target,
              recursive,
              recursive
                  ? "aws s3 rm --recursive deletes every object under " + target
                  : "aws s3 rm deletes the object " + target);
      case "rb" ->
          Verdict.one(
              Verb.DELETE,
              "aws/s3-bucket",
              target,
              rest.contains("--force"),
              rest.contains("--force")
                  ? "aws s3 rb --force deletes the bucket and every object in it"
                  : "aws s3 rb deletes the empty bucket " + target);
      case "sync" ->
          rest.contains("--delete")
              ? Verdict.one(
                  Verb.DELETE,
                  "aws/s3-object",
                  target,
                  true,
                  "aws s3 sync --delete deletes objects under " + target + " that the source lacks")
              : Verdict.one(
                  Verb.UPDATE, "aws/s3-object", target, false, "aws s3 sync copies to " + target);
      case "mb" ->
          Verdict.one(Verb.CREATE, "aws/s3-bucket", target, false, "aws s3 mb creates a bucket");
      default ->
          Verdict.one(
              Verb.UPDATE, "aws/s3-object", target, false, "aws s3 " + op + " writes " + target);
    };
  }

  /** The first identifying option value ({@code --table-name x}), or {@code fallback}. */
  static String identifier(List<String> rest, String fallback) {
    for (int i = 0; i < rest.size(); i++) {
      String a = rest.get(i);
      if (a.equals("-n") && i + 1 < rest.size()) {
        return rest.get(i + 1);
      }
      if (!a.startsWith("--")) {
        continue;
      }
      String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      boolean identifying =
          name.endsWith("-name")
              || name.endsWith("-id")
              || name.endsWith("-ids")
              || name.endsWith("-identifier")
              || name.endsWith("-arn")
              || name.endsWith("-url")
              || name.equals("--bucket")
              || name.equals("--cluster")
              || name.equals("--key")
              || name.equals("--name")
              || name.equals("--service");
      if (identifying) {
        if (a.contains("=")) {
          return a.substring(a.indexOf('=') + 1);
        }
        if (i + 1 < rest.size()) {
          return rest.get(i + 1);
        }
      }
    }
    return fallback;
  }
}
