package dev.countersign.analyze.shell;

import java.util.List;

/** Device paths whose contents are a whole disk, partition or volume. */
final class Devices {

  private static final List<String> DISKS =
      List.of(
          "/dev/sd",
          "/dev/hd",
          "/dev/vd",
          "/dev/xvd",
          "/dev/nvme",
          "/dev/mmcblk",
          "/dev/disk",
          "/dev/mapper/",
          "/dev/md",
          "/dev/dm-",
          "/dev/rdisk",
          "/dev/zvol/");

  private Devices() {}

  /** Whether writing to {@code path} overwrites a disk, partition or volume. */
  static boolean isDisk(String path) {
    for (String prefix : DISKS) {
      if (path.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
