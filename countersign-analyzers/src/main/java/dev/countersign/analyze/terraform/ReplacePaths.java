package dev.countersign.analyze.terraform;

import java.util.ArrayList;
import java.util.List;

/** Renders a plan's {@code replace_paths} (lists of attribute steps) as Terraform-style paths. */
final class ReplacePaths {

  private ReplacePaths() {}

  /** E.g. {@code [["list",1,"id"],["ami"]]} gives {@code list[1].id, ami}; empty when absent. */
  static String describe(Object replacePaths) {
    if (!(replacePaths instanceof List<?> paths)) {
      return "";
    }
    List<String> rendered = new ArrayList<>(paths.size());
    for (Object path : paths) {
      if (path instanceof List<?> steps && !steps.isEmpty()) {
        rendered.add(render(steps));
      }
    }
    return String.join(", ", rendered);
  }

  private static String render(List<?> steps) {
    StringBuilder out = new StringBuilder();
    for (Object step : steps) {
      if (step instanceof String name) {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(name);
      } else {
        out.append('[').append(step).append(']');
      }
    }
    return out.toString();
  }
}
