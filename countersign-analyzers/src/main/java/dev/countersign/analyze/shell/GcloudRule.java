package dev.countersign.analyze.shell;

import dev.countersign.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * {@code gcloud GROUP... COMMAND} and {@code gsutil}: {@code delete} (and KMS {@code destroy})
 * delete, losing data in the data services; {@code projects delete}, {@code container clusters
 * delete} and {@code compute networks delete} recreate environments; {@code describe}, {@code list}
 * and {@code get-*} only read; {@code compute ssh --command} runs shell text, which is analysed.
 */
final class GcloudRule {

  private static final Set<String> STATEFUL_GROUPS =
      Names.of(
          "sql spanner bigtable firestore datastore filestore redis memcache alloydb "
              + "storage pubsub secrets kms artifacts logging bq bigquery disks snapshots "
              + "projects clusters backups databases instances-sql");
  private static final Set<String> RECREATES =
      Set.of("projects delete", "clusters delete", "networks delete");
  private static final Set<String> READ_VERBS =
      Names.of(
          "describe list info version read tail help show print-access-token get-value "
              + "get-credentials ls cat du stat hash logs");

  private GcloudRule() {}

  static Verdict classify(Invocation inv, Context ctx) {
    if (inv.program().equals("gsutil")) {
      return gsutil(inv);
    }
    List<String> words = inv.args().stream().filter(a -> !a.startsWith("-")).toList();
    for (int i = 0; i < inv.args().size(); i++) {
      String a = inv.args().get(i);
      if (a.startsWith("--command=")) {
        return ctx.script(a.substring("--command=".length()), "gcloud", " (via gcloud ssh)");
      }
      if (a.equals("--command") && i + 1 < inv.args().size()) {
        return ctx.script(inv.args().get(i + 1), "gcloud", " (via gcloud ssh)");
      }
    }
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      String group = i > 0 ? words.get(i - 1) : "";
      String address =
          i + 1 < words.size()
              ? String.join(" ", words.subList(i + 1, words.size()))
              : String.join(" ", words.subList(0, i));
      if (w.equals("delete") || w.equals("destroy") || w.equals("rm") && group.equals("storage")) {
        boolean stateful = words.subList(0, i).stream().anyMatch(STATEFUL_GROUPS::contains);
        Verdict v =
            Verdict.one(
                Verb.DELETE,
                "gcloud/" + String.join("-", words.subList(0, i)),
                address,
                stateful,
                "gcloud " + String.join(" ", words.subList(0, i + 1)) + " deletes " + address);
        return RECREATES.contains(group + " " + w)
            ? v.recreatesEnvironment(
                "gcloud " + group + " delete removes a whole environment: " + address + ".",
                address)
            : v;
      }
      if (READ_VERBS.contains(w) || w.startsWith("get-") || w.startsWith("list-")) {
        return Verdict.read(inv, "gcloud");
      }
    }
    return Verdict.one(
        Verb.UPDATE,
        "gcloud",
        String.join(" ", words),
        false,
        "gcloud " + String.join(" ", words) + " changes cloud resources");
  }

  private static Verdict gsutil(Invocation inv) {
    List<String> words = inv.operands();
    String op = words.isEmpty() ? "" : words.getFirst();
    String target = words.size() > 1 ? words.getLast() : "(bucket)";
    boolean recursive =
        inv.args().contains("-r") || inv.args().contains("-R") || inv.args().contains("-a");
    return switch (op) {
      case "rm" ->
          Verdict.one(
              Verb.DELETE,
              "gcs-object",
              target,
              recursive,
              "gsutil rm deletes objects" + (recursive ? " recursively" : ""));
      case "rb" ->
          Verdict.one(Verb.DELETE, "gcs-bucket", target, true, "gsutil rb deletes a bucket");
      case "rsync" ->
          inv.args().contains("-d")
              ? Verdict.one(
                  Verb.DELETE,
                  "gcs-object",
                  target,
                  true,
                  "gsutil rsync -d deletes objects the source lacks")
              : Verdict.one(Verb.UPDATE, "gcs-object", target, false, "gsutil rsync copies");
      case "ls", "cat", "du", "stat", "hash", "version", "help" -> Verdict.read(inv, "gcs-object");
      default -> Verdict.one(Verb.UPDATE, "gcs-object", target, false, "gsutil " + op + " writes");
    };
  }
}
