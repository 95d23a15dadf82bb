package dev.countersign.analyze.shell;

import dev.countersign.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code redis-cli}: {@code FLUSHALL} and {@code FLUSHDB} delete every key (stateful), {@code DEL}
 * and {@code UNLINK} delete keys, {@code SHUTDOWN NOSAVE} loses unsaved data; reads only read;
 * commands from a pipe or a file are opaque.
 */
final class RedisRule {

  private static final Set<String> VALUES =
      Names.of(
          "-h -p -a -n -u -s --user --pass -r -i -d --cacert --cert --key --pattern "
              + "--count --rdb --functions-rdb");
  private static final Set<String> READS =
      Names.of(
          "GET MGET KEYS SCAN INFO PING TTL PTTL TYPE EXISTS HGET HGETALL HKEYS HLEN "
              + "HSCAN LRANGE LLEN SMEMBERS SCARD SSCAN ZRANGE ZCARD ZSCORE ZSCAN MONITOR "
              + "DBSIZE STRLEN LASTSAVE TIME MEMORY SLOWLOG CLIENT XRANGE XLEN XINFO PUBSUB "
              + "ECHO HELLO COMMAND ROLE LATENCY OBJECT DUMP RANDOMKEY SUBSCRIBE");

  private RedisRule() {}

  static Verdict classify(Invocation inv, Context ctx) {
    List<String> args = inv.args();
    int i = 0;
    while (i < args.size() && args.get(i).startsWith("-")) {
      String a = args.get(i);
      if (a.equals("--scan")
          || a.equals("--bigkeys")
          || a.equals("--stat")
          || a.equals("--latency")
          || a.equals("--memkeys")
          || a.equals("--version")) {
        return Verdict.read(inv, "redis");
      }
      if (a.equals("--eval")) {
        return Verdict.opaque(inv, "redis-cli --eval runs a Lua script Countersign cannot see");
      }
      i += VALUES.contains(a) ? 2 : 1;
    }
    if (i < args.size()) {
      return command(args.subList(i, args.size()));
    }
    Stdin stdin = ctx.stdin();
    if (stdin.kind() != Stdin.Kind.TEXT) {
      return Verdict.opaque(
          inv,
          "redis-cli runs commands from "
              + (stdin.kind() == Stdin.Kind.NONE ? "an interactive prompt" : stdin.describe()));
    }
    Verdict verdict = Verdict.NONE;
    for (String text : stdin.texts()) {
      for (String line : text.split("\n")) {
        if (!line.isBlank()) {
          verdict = verdict.and(command(List.of(line.strip().split("\\s+"))));
        }
      }
    }
    return verdict;
  }

  private static Verdict command(List<String> words) {
    String cmd = words.getFirst().toUpperCase(Locale.ROOT);
    String keys = words.size() > 1 ? String.join(" ", words.subList(1, words.size())) : "";
    return switch (cmd) {
      case "FLUSHALL", "FLUSHDB" ->
          Verdict.one(
              Verb.DELETE,
              "redis-database",
              cmd.equals("FLUSHALL") ? "(every database)" : "(selected database)",
              true,
              "redis-cli " + cmd + " deletes every key");
      case "DEL", "UNLINK", "HDEL", "SREM", "ZREM", "LREM", "XDEL", "GETDEL" ->
          Verdict.one(
              Verb.DELETE,
              "redis-key",
              keys.isEmpty() ? "(keys from standard input)" : keys,
              false,
              "redis-cli " + cmd + " deletes keys");
      case "SHUTDOWN" ->
          words.stream().anyMatch(w -> w.equalsIgnoreCase("NOSAVE"))
              ? Verdict.one(
                  Verb.DELETE,
                  "redis-database",
                  "(unsaved data)",
                  true,
                  "redis-cli SHUTDOWN NOSAVE drops data not yet saved")
              : Verdict.one(
                  Verb.UPDATE, "redis-server", "", false, "redis-cli SHUTDOWN stops the server");
      default ->
          READS.contains(cmd)
              ? Verdict.one(
                  Verb.READ,
                  "redis",
                  String.join(" ", words),
                  false,
                  "redis-cli " + cmd + " only reads")
              : Verdict.one(
                  Verb.UPDATE,
                  "redis",
                  String.join(" ", words),
                  false,
                  "redis-cli " + cmd + " writes");
    };
  }
}
