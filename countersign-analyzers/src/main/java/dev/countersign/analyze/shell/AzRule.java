package dev.countersign.analyze.shell;

import dev.countersign.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * {@code az GROUP... COMMAND}: {@code delete} (and {@code delete-batch}, {@code purge}) delete,
 * losing data in the data services; {@code az group delete}, {@code aks delete} and {@code network
 * vnet delete} recreate environments; {@code show}, {@code list} only read; {@code vm run-command
 * invoke --scripts} runs shell text, which is analysed.
 */
final class AzRule {

  private static final Set<String> STATEFUL =
      Names.of(
          "sql cosmosdb storage postgres mysql mariadb redis disk snapshot keyvault "
              + "backup acr monitor group aks synapse kusto servicebus eventhubs netappfiles");
  private static final Set<String> RECREATES = Set.of("group delete", "aks delete", "vnet delete");

  private AzRule() {}

  static Verdict classify(Invocation inv, Context ctx) {
    List<String> args = inv.args();
    int scripts = args.indexOf("--scripts");
    if (scripts >= 0 && scripts + 1 < args.size()) {
      return ctx.script(
          String.join(
              "\n",
              args.subList(scripts + 1, args.size()).stream()
                  .takeWhile(a -> !a.startsWith("--"))
                  .toList()),
          "az",
          " (via az run-command)");
    }
    List<String> words = args.stream().takeWhile(a -> !a.startsWith("-")).toList();
    String verb = words.isEmpty() ? "" : words.getLast();
    String group = words.size() > 1 ? words.get(words.size() - 2) : "";
    String name = AwsS3.identifier(args, String.join(" ", words));
    if (verb.equals("delete") || verb.startsWith("delete-") || verb.equals("purge")) {
      boolean stateful = words.stream().anyMatch(STATEFUL::contains);
      Verdict v =
          Verdict.one(
              Verb.DELETE,
              "azure/" + String.join("-", words.subList(0, words.size() - 1)),
              name,
              stateful,
              "az " + String.join(" ", words) + " deletes " + name);
      return RECREATES.contains(group + " " + verb)
          ? v.recreatesEnvironment(
              "az " + group + " delete removes a whole environment: " + name + ".", name)
          : v;
    }
    if (verb.equals("show")
        || verb.equals("list")
        || verb.startsWith("list-")
        || verb.startsWith("show-")
        || verb.startsWith("get-")
        || verb.equals("version")
        || verb.equals("exists")
        || words.isEmpty()) {
      return Verdict.read(inv, "azure");
    }
    return Verdict.one(
        Verb.UPDATE,
        "azure",
        name,
        false,
        "az " + String.join(" ", words) + " changes cloud resources");
  }
}
