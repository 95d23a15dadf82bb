package dev.countersign.analyze.shell;

import dev.countersign.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * {@code aws SERVICE OPERATION}: {@code delete-*}, {@code terminate-*}, {@code purge-*}, {@code
 * deregister-*}, {@code release-*}, {@code remove-*} and {@code schedule-key-deletion} delete; they
 * lose data in the data services (databases, tables, buckets, volumes, queues, streams, secrets,
 * keys, backups). {@code cloudformation delete-stack}, {@code ec2 delete-vpc} and {@code eks
 * delete-cluster} recreate environments. {@code s3 rm --recursive}, {@code s3 rb --force} and
 * {@code s3 sync --delete} delete bucket contents. {@code describe-*}, {@code list-*}, {@code
 * get-*} only read. Remote command runners ({@code ssm send-command}, {@code lambda invoke}) are
 * opaque.
 */
final class AwsRule {

  private static final Set<String> GLOBAL_VALUES =
      Names.of(
          "--profile --region --output --endpoint-url --query --color --cli-read-timeout "
              + "--cli-connect-timeout --ca-bundle --cli-binary-format");
  private static final Set<String> RECREATES =
      Set.of(
          "cloudformation delete-stack",
          "ec2 delete-vpc",
          "eks delete-cluster",
          "ecs delete-cluster",
          "organizations close-account");
  private static final Set<String> OPAQUE =
      Set.of(
          "ssm send-command",
          "ssm start-session",
          "lambda invoke",
          "ecs execute-command",
          "ecs run-task",
          "codebuild start-build",
          "stepfunctions start-execution");

  private AwsRule() {}

  static Verdict classify(Invocation inv, Context ctx) {
    List<String> args = inv.args();
    int i = 0;
    while (i < args.size() && args.get(i).startsWith("-")) {
      i += GLOBAL_VALUES.contains(args.get(i)) ? 2 : 1;
    }
    if (i + 1 >= args.size()) {
      return Verdict.read(inv, "aws");
    }
    String service = args.get(i);
    String op = args.get(i + 1);
    List<String> rest = args.subList(i + 2, args.size());
    if (service.equals("s3")) {
      return AwsS3.classify(op, rest);
    }
    String both = service + " " + op;
    String type = "aws/" + service;
    String address = AwsS3.identifier(rest, both);
    if (OPAQUE.contains(both)) {
      return Verdict.opaque(inv, "aws " + both + " runs code or commands Countersign cannot see");
    }
    if (reads(op)
        || service.equals("sts")
        || op.equals("wait")
        || op.equals("help")
        || rest.contains("--dry-run")) {
      return Verdict.read(inv, type);
    }
    if (deletes(op)) {
      Verdict v =
          Verdict.one(
              Verb.DELETE,
              type,
              address,
              stateful(service, op) || RECREATES.contains(both),
              "aws " + both + " deletes " + address);
      return RECREATES.contains(both)
          ? v.recreatesEnvironment(
              "aws " + both + " deletes a whole environment: " + address + ".", address)
          : v;
    }
    Verb verb = op.startsWith("create-") || op.startsWith("run-") ? Verb.CREATE : Verb.UPDATE;
    return Verdict.one(verb, type, address, false, "aws " + both + " changes " + address);
  }

  private static boolean reads(String op) {
    return op.startsWith("describe-")
        || op.startsWith("list-")
        || op.startsWith("get-")
        || op.startsWith("head-")
        || op.startsWith("batch-get-")
        || op.startsWith("search-")
        || op.startsWith("lookup-")
        || op.startsWith("validate-")
        || op.startsWith("estimate-")
        || op.equals("scan")
        || op.equals("query")
        || op.startsWith("select-")
        || op.startsWith("filter-")
        || op.equals("tail")
        || op.startsWith("test-")
        || op.startsWith("simulate-")
        || op.startsWith("preview-")
        || op.startsWith("check-");
  }

  private static boolean deletes(String op) {
    return op.startsWith("delete-")
        || op.startsWith("terminate-")
        || op.startsWith("purge-")
        || op.startsWith("deregister-")
        || op.startsWith("release-")
        || op.startsWith("batch-delete-")
        || op.equals("schedule-key-deletion")
        || op.startsWith("remove-")
            && !op.startsWith("remove-tags")
            && !op.startsWith("remove-permission");
  }

  /** Whether deleting through this operation loses stored data. */
  private static boolean stateful(String service, String op) {
    if (op.contains("parameter-group")
        || op.contains("subnet-group")
        || op.contains("policy")
        || op.contains("option-group")
        || op.contains("subscription")
        || op.contains("alarm")
        || op.contains("tag")
        || op.equals("delete-object")) {
      return false;
    }
    return switch (service) {
      case "rds",
          "dynamodb",
          "efs",
          "elasticache",
          "redshift",
          "docdb",
          "neptune",
          "kinesis",
          "sqs",
          "secretsmanager",
          "backup",
          "ecr",
          "logs",
          "glacier",
          "opensearch",
          "es",
          "memorydb",
          "fsx",
          "timestream-write",
          "keyspaces",
          "qldb",
          "dax",
          "s3api",
          "kms",
          "cloudformation",
          "firehose",
          "msk",
          "kafka",
          "athena",
          "glue",
          "lightsail" ->
          true;
      case "ec2" -> op.contains("volume") || op.contains("snapshot") || op.contains("vpc");
      case "eks" -> op.equals("delete-cluster");
      default -> false;
    };
  }
}
