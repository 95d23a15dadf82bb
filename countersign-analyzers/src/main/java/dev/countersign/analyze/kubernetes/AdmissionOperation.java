package dev.countersign.analyze.kubernetes;

import dev.countersign.model.Action;
import dev.countersign.model.Finding;
import dev.countersign.model.Severity;
import dev.countersign.model.Verb;
import java.util.Optional;

/**
 * An admission request's {@code operation} as a verb: CREATE, UPDATE and DELETE as themselves,
 * CONNECT as {@code exec} (what runs inside cannot be seen: an {@code opaque} finding), and an
 * operation this analyser does not know as {@code update} with a finding, so a person reviews it.
 *
 * @param word the operation as written
 * @param verb the normalized verb
 */
record AdmissionOperation(String word, Verb verb) {

  static final String OPAQUE = "opaque";
  static final String UNKNOWN_OPERATION = "unknown-operation";

  /** Classifies an operation word. */
  static AdmissionOperation of(String word) {
    Verb verb =
        switch (word) {
          case "CREATE" -> Verb.CREATE;
          case "DELETE" -> Verb.DELETE;
          case "CONNECT" -> Verb.EXEC;
          default -> Verb.UPDATE;
        };
    return new AdmissionOperation(word, verb);
  }

  /** Whether the word is one of Kubernetes' four operations. */
  boolean known() {
    return switch (word) {
      case "CREATE", "UPDATE", "DELETE", "CONNECT" -> true;
      default -> false;
    };
  }

  /** The action's reason, naming the subresource when there is one. */
  String reason(String subResource) {
    String on = subResource.isEmpty() ? "" : " (subresource " + subResource + ")";
    return known()
        ? "admission request: " + word + on
        : "admission request with unknown operation '" + word + "'" + on + ", treated as update";
  }

  /** The finding this operation raises on its own, if any. */
  Optional<Finding> finding(Action action) {
    if (verb == Verb.EXEC) {
      return Optional.of(
          new Finding(
              Severity.WARNING,
              OPAQUE,
              "CONNECT to "
                  + action.address()
                  + " (exec, attach, port-forward or proxy) runs what Countersign cannot see.",
              action.address()));
    }
    if (!known()) {
      return Optional.of(
          new Finding(
              Severity.HIGH,
              UNKNOWN_OPERATION,
              "Countersign does not know the admission operation '"
                  + word
                  + "' on "
                  + action.address()
                  + "; it is treated as an update so that a person reviews it.",
              action.address()));
    }
    return Optional.empty();
  }
}
