package dev.countersign.analyze.shell;

import dev.countersign.model.Verb;
import java.util.List;

/**
 * Disk, volume and pool tools: formatting ({@code mkfs*}, {@code mkswap}), wiping ({@code wipefs
 * -a}, {@code blkdiscard}, {@code sgdisk --zap-all}), and destroying ZFS datasets and pools or LVM
 * volumes destroy everything stored there.
 */
final class DiskRules {

  static final String[] PROGRAMS = {
    "mkfs",
    "mke2fs",
    "mkswap",
    "wipefs",
    "blkdiscard",
    "zfs",
    "zpool",
    "lvremove",
    "vgremove",
    "pvremove",
    "sgdisk",
    "parted",
    "fdisk",
    "sfdisk",
    "cryptsetup"
  };

  private DiskRules() {}

  static Verdict classify(Invocation inv, Context ctx) {
    String p = inv.program();
    List<String> operands = inv.operands();
    String target = operands.isEmpty() ? "(no device)" : String.join(" ", operands);
    String sub = operands.isEmpty() ? "" : operands.getFirst();
    boolean destroys =
        switch (p) {
          case "wipefs" -> inv.hasOption('a', "--all") || inv.hasOption('o', "--offset");
          case "zfs", "zpool" -> sub.equals("destroy") || sub.equals("labelclear");
          case "sgdisk" ->
              inv.hasOption('Z', "--zap-all")
                  || inv.hasOption('o', "--clear")
                  || inv.hasOption('z', "--zap")
                  || inv.hasOption('d', "--delete");
          case "parted" -> inv.has("rm", "mklabel", "mktable");
          case "fdisk" -> !inv.hasOption('l', "--list");
          case "sfdisk" -> !inv.hasOption('l', "--list") && !inv.hasOption('d', "--dump");
          case "cryptsetup" -> inv.has("luksFormat", "erase", "luksErase");
          default -> true;
        };
    if (!destroys) {
      return p.equals("wipefs") || p.equals("fdisk") || p.equals("sfdisk")
          ? Verdict.read(inv, "block-device")
          : Verdict.one(Verb.UPDATE, "block-device", target, false, p + " changes disks or pools");
    }
    if (p.equals("fdisk") || p.equals("sfdisk")) {
      return Verdict.opaque(inv, p + " repartitions from a script or prompt Countersign cannot see")
          .and(Verdict.one(Verb.UPDATE, "block-device", target, false, p + " repartitions"));
    }
    return Verdict.one(
        Verb.DELETE, "block-device", target, true, p + " destroys the data on " + target);
  }
}
