package dev.countersign.analyze.shell;

import dev.countersign.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * Host administration: {@code systemctl stop/disable/mask} and {@code service X stop} are updates
 * with a {@code service-stopped} warning (stopping a database loses no data); {@code crontab -r}
 * deletes every cron job; firewall flushes delete rules; {@code userdel -r} deletes a home
 * directory; {@code journalctl --vacuum-*} deletes logs; package removals delete packages;
 * shutdowns warn.
 */
final class SystemRules {

  static final String[] PROGRAMS = {
    "systemctl",
    "service",
    "crontab",
    "kill",
    "pkill",
    "killall",
    "reboot",
    "shutdown",
    "halt",
    "poweroff",
    "iptables",
    "ip6tables",
    "nft",
    "ufw",
    "userdel",
    "deluser",
    "groupdel",
    "useradd",
    "usermod",
    "passwd",
    "journalctl",
    "apt",
    "apt-get",
    "yum",
    "dnf",
    "apk",
    "brew",
    "pip",
    "pip3",
    "snap",
    "launchctl",
    "sysctl",
    "hostnamectl",
    "timedatectl"
  };

  private static final Set<String> SYSTEMCTL_READS =
      Names.of(
          "status show cat list-units list-unit-files is-active is-enabled is-failed "
              + "list-timers list-sockets get-default list-dependencies help");
  private static final Set<String> STOPS = Set.of("stop", "disable", "mask", "kill");
  private static final Set<String> REMOVES =
      Set.of("remove", "purge", "autoremove", "uninstall", "erase", "del");

  private static final Set<String> PACKAGE_READS =
      Names.of("list show search info policy freeze check --version outdated madison depends");

  private SystemRules() {}

  static Verdict classify(Invocation inv, Context ctx) {
    String p = inv.program();
    List<String> ops = inv.operands();
    String first = ops.isEmpty() ? "" : ops.getFirst();
    return switch (p) {
      case "systemctl" -> systemctl(inv, first, ops);
      case "service" ->
          ops.size() < 2 || ops.get(1).equals("status")
              ? Verdict.read(inv, "systemd-unit")
              : unit(ops.getFirst(), ops.get(1));
      case "crontab" ->
          inv.hasOption('r', "--remove")
              ? Verdict.one(
                  Verb.DELETE,
                  "crontab",
                  "(the user's crontab)",
                  true,
                  "crontab -r deletes every cron job of the user")
              : inv.hasOption('l', "--list")
                  ? Verdict.read(inv, "crontab")
                  : Verdict.one(
                      Verb.UPDATE,
                      "crontab",
                      "(the user's crontab)",
                      false,
                      "crontab replaces the user's cron jobs");
      case "kill", "pkill", "killall" ->
          Verdict.one(Verb.UPDATE, "process", String.join(" ", ops), false, p + " stops processes");
      case "reboot", "shutdown", "halt", "poweroff" ->
          Verdict.one(Verb.UPDATE, "host", "(this host)", false, p + " stops the host")
              .warn("host-shutdown", p + " takes the host down.", "(this host)");
      case "iptables", "ip6tables", "nft", "ufw" -> firewall(inv, p, first);
      case "userdel", "deluser" ->
          Verdict.one(
              Verb.DELETE,
              "user",
              String.join(" ", ops),
              inv.hasOption('r', "--remove") || inv.has("--remove-home", "--remove-all-files"),
              p
                  + " deletes the user"
                  + (inv.hasOption('r', "--remove") ? " and the home directory" : ""));
      case "groupdel" ->
          Verdict.one(Verb.DELETE, "group", first, false, "groupdel deletes a group");
      case "journalctl" ->
          inv.args().stream().anyMatch(a -> a.startsWith("--vacuum"))
              ? Verdict.one(
                  Verb.DELETE, "log", "(journal)", false, "journalctl --vacuum deletes logs")
              : Verdict.read(inv, "log");
      case "apt", "apt-get", "yum", "dnf", "apk", "brew", "pip", "pip3", "snap" ->
          packages(inv, first);
      default -> Verdict.one(Verb.UPDATE, "host", inv.display(), false, p + " changes the host");
    };
  }

  private static Verdict systemctl(Invocation inv, String sub, List<String> ops) {
    if (sub.isEmpty() || SYSTEMCTL_READS.contains(sub) || inv.has("--version")) {
      return Verdict.read(inv, "systemd-unit");
    }
    String units = ops.size() > 1 ? String.join(" ", ops.subList(1, ops.size())) : "";
    if (Set.of("poweroff", "reboot", "halt", "rescue", "emergency", "isolate").contains(sub)) {
      return Verdict.one(Verb.UPDATE, "host", "(this host)", false, "systemctl " + sub)
          .warn("host-shutdown", "systemctl " + sub + " takes services or the host down.", units);
    }
    return unit(units, sub);
  }

  private static Verdict unit(String units, String sub) {
    Verdict v = Verdict.one(Verb.UPDATE, "systemd-unit", units, false, sub + " of " + units);
    return STOPS.contains(sub)
        ? v.warn(
            "service-stopped", sub + " takes " + units + " down until it is started again.", units)
        : v;
  }

  private static Verdict firewall(Invocation inv, String p, String first) {
    boolean reads =
        inv.hasOption('L', "--list")
            || inv.hasOption('S', "--list-rules")
            || first.equals("list")
            || first.equals("status")
            || inv.has("-nL", "-vnL");
    if (reads) {
      return Verdict.read(inv, "firewall");
    }
    boolean deletes =
        inv.hasOption('F', "--flush")
            || inv.hasOption('X', "--delete-chain")
            || inv.hasOption('D', "--delete")
            || first.equals("flush")
            || first.equals("delete")
            || first.equals("reset")
            || first.equals("disable");
    return Verdict.one(
        deletes ? Verb.DELETE : Verb.UPDATE,
        "firewall",
        inv.display(),
        false,
        p + (deletes ? " deletes firewall rules" : " changes firewall rules"));
  }

  private static Verdict packages(Invocation inv, String sub) {
    if (REMOVES.contains(sub)) {
      return Verdict.one(
          Verb.DELETE,
          "package",
          inv.display(),
          false,
          inv.program() + " " + sub + " removes packages");
    }
    if (PACKAGE_READS.contains(sub)) {
      return Verdict.read(inv, "package");
    }
    return Verdict.one(
        Verb.UPDATE,
        "package",
        inv.display(),
        false,
        inv.program() + " " + sub + " installs or updates packages");
  }
}
