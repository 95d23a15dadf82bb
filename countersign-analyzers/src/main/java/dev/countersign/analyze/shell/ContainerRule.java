package dev.countersign.analyze.shell;

import dev.countersign.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * {@code docker}, {@code podman}, {@code nerdctl} and compose: removing containers, images and
 * networks, {@code system prune} and {@code compose down} are deletes; with volumes ({@code volume
 * rm}, {@code volume prune}, {@code --volumes}, {@code rm -v}) they lose data. {@code exec} and
 * {@code run} with a command run that command, which is analysed; inspections only read.
 */
final class ContainerRule {

  private static final Set<String> GLOBAL_VALUES =
      Names.of(
          "-H --host --context -c --config -l --log-level --url --connection --remote -f "
              + "--file -p --project-name --env-file --profile --project-directory");
  private static final Set<String> READS =
      Names.of(
          "ps images logs inspect version info stats top port diff history search events "
              + "ls config df help list healthcheck");
  private static final Set<String> GROUPS =
      Names.of(
          "container image volume network system builder buildx context plugin secret "
              + "service stack node swarm pod machine manifest");

  private ContainerRule() {}

  static Verdict classify(Invocation inv, Context ctx) {
    List<Word> w = inv.argWords();
    int i = 0;
    while (i < w.size() && w.get(i).text().startsWith("-")) {
      i += GLOBAL_VALUES.contains(w.get(i).text()) ? 2 : 1;
    }
    String tool = inv.program();
    if (tool.endsWith("-compose")) {
      return ContainerCommands.compose(inv, w.subList(Math.min(i, w.size()), w.size()), ctx);
    }
    if (i >= w.size()) {
      return Verdict.read(inv, "container");
    }
    String first = w.get(i).text();
    List<Word> rest = w.subList(i + 1, w.size());
    if (first.equals("compose")) {
      return ContainerCommands.compose(inv, rest, ctx);
    }
    String group = GROUPS.contains(first) ? first : "container";
    String sub = GROUPS.contains(first) ? (rest.isEmpty() ? "ls" : rest.getFirst().text()) : first;
    List<Word> args =
        GROUPS.contains(first) && !rest.isEmpty() ? rest.subList(1, rest.size()) : rest;
    return command(inv, group, sub, args, ctx);
  }

  private static Verdict command(
      Invocation inv, String group, String sub, List<Word> args, Context ctx) {
    String tool = inv.program();
    List<String> names = args.stream().map(Word::text).filter(a -> !a.startsWith("-")).toList();
    String address = names.isEmpty() ? "(" + group + "s)" : String.join(" ", names);
    boolean volumes =
        args.stream()
            .anyMatch(
                a ->
                    a.text().equals("--volumes")
                        || a.text().equals("-v")
                        || a.text().matches("-[a-z]*v[a-z]*") && !group.equals("image"));
    String both = group + " " + sub;
    return switch (sub) {
      case "rm", "remove", "rmi", "prune", "kill" -> removal(tool, group, sub, address, volumes);
      case "reset" ->
          group.equals("system")
              ? Verdict.one(
                  Verb.DELETE,
                  "docker-volume",
                  "(every container, image and volume)",
                  true,
                  tool + " system reset deletes every container, image and volume")
              : Verdict.one(Verb.UPDATE, "docker-" + group, address, false, tool + " " + both);
      case "exec" -> ContainerCommands.exec(inv, args, ctx);
      case "run" -> ContainerCommands.run(inv, args, ctx);
      case "create" ->
          Verdict.one(Verb.CREATE, "docker-" + group, address, false, tool + " " + both);
      default ->
          READS.contains(sub)
              ? Verdict.read(inv, "docker-" + group)
              : Verdict.one(
                  Verb.UPDATE,
                  "docker-" + group,
                  address,
                  false,
                  tool + " " + both + " changes containers or images");
    };
  }

  /** {@code rm}, {@code rmi}, {@code prune}: volumes lose data, the rest is a plain delete. */
  private static Verdict removal(
      String tool, String group, String sub, String address, boolean volumes) {
    String both = group + " " + sub;
    return switch (both) {
      case "volume rm", "volume remove", "volume prune" ->
          Verdict.one(
              Verb.DELETE,
              "docker-volume",
              address,
              true,
              tool + " " + both + " deletes volumes and the data in them");
      case "system prune" ->
          Verdict.one(
              Verb.DELETE,
              "docker-" + (volumes ? "volume" : "object"),
              "(unused containers, networks, images" + (volumes ? ", volumes)" : ")"),
              volumes,
              tool
                  + " system prune deletes everything unused"
                  + (volumes ? ", volumes included" : ""));
      case "container kill" ->
          Verdict.one(
              Verb.UPDATE, "docker-container", address, false, tool + " kill stops containers");
      default ->
          Verdict.one(
              Verb.DELETE,
              "docker-" + (sub.equals("rmi") ? "image" : group),
              address,
              volumes && group.equals("container"),
              tool
                  + " "
                  + both
                  + " deletes "
                  + address
                  + (volumes && group.equals("container") ? " and its volumes" : ""));
    };
  }
}
