package dev.countersign.analyze.shell;

import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Well-known programs that only read (or only change the shell's own state), and well-known file
 * tools whose change is plain: {@code mkdir} creates, {@code touch}, {@code chmod}, {@code tee},
 * {@code sed -i} and archive extraction update. None of them is opaque.
 */
final class Readers {

  private static final Set<String> READS =
      Names.of(
          "ls ll dir cat tac head tail less more bat grep egrep fgrep rg ag ack wc echo "
              + "printf pwd whoami id groups date cal which whereis type file stat du df tree "
              + "sort uniq cut tr diff cmp comm jq yq true false test [ [[ uname hostname ps "
              + "pgrep top htop env printenv basename dirname realpath readlink md5sum sha1sum "
              + "sha256sum sha512sum cksum b2sum cd pushd popd history column nl seq sleep man "
              + "help info free uptime dig nslookup host ping traceroute : for case select in "
              + "function export set unset local declare typeset readonly wait read shift "
              + "return exit break continue getent lsof netstat ss xxd od hexdump strings "
              + "base64 zcat zgrep zless locate paste join fold fmt expand rev shuf look vmstat "
              + "iostat lsblk blkid lscpu nproc dmesg tput clear yes command exec time nohup "
              + "sudo doas shopt alias unalias hash ulimit umask trap let openssl nc telnet "
              + "whois tty last w who users finger arch sw_vers lsb_release envsubst gawk mawk "
              + "watch xdg-open open exa eza fzf glow tldr git-lfs pbcopy pbpaste bc expr "
              + "numfmt iconv csvlook sqlfluff shellcheck hadolint tflint yamllint jsonlint "
              + "kubeval kubeconform conftest tfsec trivy checkov semgrep gitleaks nmap mtr "
              + "tcpdump iftop stern kubectx kubens");

  private static final Set<String> UPDATES =
      Names.of(
          "touch chmod chown chgrp chattr setfacl ln patch gzip gunzip bzip2 bunzip2 xz "
              + "unxz zstd zip 7z split mount umount dos2unix unix2dos code vim vi nano emacs");

  static final String[] PROGRAMS = programs();

  private Readers() {}

  private static String[] programs() {
    List<String> all = new ArrayList<>(READS);
    all.addAll(UPDATES);
    all.addAll(List.of("mkdir", "mktemp", "tee", "sed", "awk", "tar", "unzip", "sort"));
    return all.toArray(String[]::new);
  }

  static Verdict classify(Invocation inv, Context ctx) {
    String p = inv.program();
    return switch (p) {
      case "mkdir", "mktemp" ->
          Verdict.one(Verb.CREATE, "file", address(inv), false, p + " creates directories");
      case "tee" -> tee(inv);
      case "sudo", "doas" ->
          inv.hasOption('i', "--login") || inv.hasOption('s', "--shell")
              ? Verdict.opaque(inv, p + " opens a shell as another user")
              : Verdict.read(inv, "command");
      case "sed" ->
          inv.hasOption('i', "--in-place")
              ? Verdict.one(Verb.UPDATE, "file", address(inv), false, "sed -i edits files in place")
              : Verdict.read(inv, "file");
      case "awk", "gawk", "mawk" -> awk(inv, ctx);
      case "tar" -> tar(inv);
      case "unzip" ->
          inv.has("-l", "-t", "-Z", "-v")
              ? Verdict.read(inv, "file")
              : Verdict.one(Verb.UPDATE, "file", address(inv), false, "unzip extracts files");
      case "sort" ->
          inv.hasOption('o', "--output")
              ? Verdict.one(Verb.UPDATE, "file", address(inv), false, "sort -o writes a file")
              : Verdict.read(inv, "file");
      default ->
          UPDATES.contains(p)
              ? Verdict.one(Verb.UPDATE, "file", address(inv), false, p + " changes files")
              : Verdict.read(inv, "command");
    };
  }

  private static Verdict tee(Invocation inv) {
    List<String> files =
        inv.operands().stream().filter(f -> !f.equals("/dev/null") && !f.equals("-")).toList();
    if (files.isEmpty()) {
      return Verdict.read(inv, "file");
    }
    boolean append = inv.hasOption('a', "--append");
    String target = String.join(" ", files);
    if (files.stream().anyMatch(Devices::isDisk)) {
      return Verdict.one(
          Verb.DELETE, "block-device", target, true, "tee writes onto a disk device");
    }
    return Verdict.one(
        Verb.UPDATE, "file", target, false, append ? "tee appends to files" : "tee rewrites files");
  }

  /** An awk program that runs commands ({@code system()}, pipes) cannot be judged here. */
  private static Verdict awk(Invocation inv, Context ctx) {
    for (String a : inv.args()) {
      if (a.contains("system(")
          || a.contains("| getline")
          || a.contains("print |")
          || a.matches("(?s).*print[^;}]*\\|\\s*\".*")) {
        return Verdict.opaque(inv, "the awk program runs shell commands")
            .and(CodeRules.shellOuts(inv, a, ctx));
      }
    }
    if (inv.has("-i") && inv.args().contains("inplace")) {
      return Verdict.one(Verb.UPDATE, "file", address(inv), false, "awk -i inplace edits files");
    }
    return Verdict.read(inv, "file");
  }

  private static Verdict tar(Invocation inv) {
    String first = inv.args().isEmpty() ? "" : inv.args().getFirst();
    boolean creates =
        inv.hasOption('x', "--extract")
            || inv.hasOption('c', "--create")
            || inv.hasOption('r', "--append")
            || inv.hasOption('u', "--update")
            || (!first.startsWith("-") && first.matches("[a-zA-Z]*[xcru][a-zA-Z]*"));
    return creates
        ? Verdict.one(Verb.UPDATE, "file", address(inv), false, "tar writes files")
        : Verdict.read(inv, "file");
  }

  private static String address(Invocation inv) {
    List<String> operands = inv.operands();
    return operands.isEmpty() ? "(no paths)" : String.join(" ", operands);
  }
}
