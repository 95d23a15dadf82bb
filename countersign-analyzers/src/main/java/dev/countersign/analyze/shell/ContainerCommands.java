package dev.countersign.analyze.shell;

import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code docker exec}, {@code docker run} and {@code docker compose}: what they run inside. */
final class ContainerCommands {

  private static final Set<String> EXEC_VALUES =
      Names.of("-e --env -u --user -w --workdir --env-file --detach-keys");
  private static final Set<String> RUN_VALUES =
      Names.of(
          "-e --env --env-file -v --volume -p --publish --name --network --net -u --user "
              + "-w --workdir -m --memory --cpus --mount -l --label --restart --platform "
              + "--hostname -h --add-host --device --log-driver --log-opt --tmpfs --ulimit "
              + "--cap-add --cap-drop --security-opt --pull --gpus --shm-size --stop-signal "
              + "--health-cmd --label-file --dns --ip --link --volumes-from --pid --ipc "
              + "--runtime -a --attach --cidfile --expose -c --cpu-shares --userns --uts "
              + "--entrypoint --group-add --sysctl --storage-opt --cgroupns --memory-swap "
              + "--cpuset-cpus");
  private static final Set<String> COMPOSE_READS =
      Names.of("ps logs config ls images top version port events");

  private ContainerCommands() {}

  /** {@code exec [opts] CONTAINER CMD...}. */
  static Verdict exec(Invocation inv, List<Word> args, Context ctx) {
    int i = skip(args, 0, EXEC_VALUES);
    if (i + 1 >= args.size()) {
      return Verdict.opaque(inv, inv.program() + " exec opens a session in a container");
    }
    String container = args.get(i).text();
    return ctx.invoke(
        args.subList(i + 1, args.size()),
        " inside container " + container + " (via " + inv.program() + " exec)");
  }

  /** {@code run [opts] IMAGE [CMD...]}: the command (or the entrypoint) is analysed. */
  static Verdict run(Invocation inv, List<Word> args, Context ctx) {
    int i = skip(args, 0, RUN_VALUES);
    String image = i < args.size() ? args.get(i).text() : "(image)";
    List<Word> command = new ArrayList<>();
    for (int j = 0; j + 1 < i; j++) {
      if (args.get(j).text().equals("--entrypoint")) {
        command.add(args.get(j + 1));
      }
    }
    if (i + 1 < args.size()) {
      command.addAll(args.subList(i + 1, args.size()));
    }
    Verdict started =
        Verdict.one(
            Verb.CREATE,
            "docker-container",
            image,
            false,
            inv.program() + " run starts a container of " + image);
    return command.isEmpty()
        ? started
        : started.and(ctx.invoke(command, " in a container of " + image));
  }

  /** {@code compose down} deletes the project's containers (and volumes with {@code -v}). */
  static Verdict compose(Invocation inv, List<Word> args, Context ctx) {
    String sub = args.isEmpty() ? "" : args.getFirst().text();
    List<Word> rest = args.isEmpty() ? args : args.subList(1, args.size());
    boolean volumes =
        rest.stream().anyMatch(w -> w.text().equals("-v") || w.text().equals("--volumes"));
    return switch (sub) {
      case "down", "rm" ->
          Verdict.one(
              Verb.DELETE,
              volumes ? "docker-volume" : "docker-container",
              "(compose project)",
              volumes,
              "compose "
                  + sub
                  + " deletes the project's containers"
                  + (volumes ? " and volumes" : ""));
      case "exec", "run" -> {
        int i = skip(rest, 0, RUN_VALUES);
        yield i + 1 < rest.size()
            ? ctx.invoke(
                rest.subList(i + 1, rest.size()), " in compose service " + rest.get(i).text())
            : Verdict.opaque(inv, "compose " + sub + " opens a session in a service");
      }
      default ->
          COMPOSE_READS.contains(sub)
              ? Verdict.read(inv, "docker-compose")
              : Verdict.one(
                  Verb.UPDATE,
                  "docker-container",
                  "(compose project)",
                  false,
                  "compose " + sub + " changes the project's containers");
    };
  }

  private static int skip(List<Word> args, int from, Set<String> values) {
    int i = from;
    while (i < args.size() && args.get(i).text().startsWith("-")) {
      String a = args.get(i).text();
      i += values.contains(a) ? 2 : 1;
    }
    return i;
  }
}
