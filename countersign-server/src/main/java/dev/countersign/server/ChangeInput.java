package dev.countersign.server;

import dev.countersign.directory.Agent;
import dev.countersign.directory.Directory;
import dev.countersign.directory.Human;
import dev.countersign.directory.Principal;
import dev.countersign.directory.ServiceIdentity;
import dev.countersign.model.ChangeKind;
import dev.countersign.model.Names;
import dev.countersign.policy.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Checks who calls the change endpoints and the fields of their requests, which arrive as null when
 * absent: each method returns the clean value or throws an {@link ApiException} saying what a valid
 * one looks like.
 */
final class ChangeInput {
  private static final int MAX_TITLE = 200;
  private static final int MAX_COMMENT = 4000;
  private static final int MAX_SERVICES = 100;

  private ChangeInput() {}

  /** The principal behind a token, who may have left the directory since the token was issued. */
  static Principal caller(Directory dir, String callerId) {
    return dir.find(callerId)
        .orElseThrow(
            () -> ApiException.forbidden("principal '" + callerId + "' is not in the directory any more"));
  }

  /** The accountable human of a proposal: a human themself, an agent's sponsor, or whom a service names. */
  static Human authorFor(Directory dir, Principal caller, ProposeRequest request) {
    return switch (caller) {
      case Human h -> {
        if (request.author() != null && !request.author().equals(h.id())) {
          throw ApiException.forbidden("humans propose as themselves; 'author' must be omitted or '" + h.id() + "'");
        }
        yield h;
      }
      case Agent a -> {
        if (request.author() != null) {
          throw ApiException.forbidden("an agent's changes are authored by its sponsor; omit 'author'");
        }
        yield dir.human(a.sponsor())
            .orElseThrow(
                () -> ApiException.forbidden(
                    "agent '" + a.id() + "' has no sponsor in the directory ('" + a.sponsor() + "'), so it may not propose"));
      }
      case ServiceIdentity s -> {
        if (request.author() == null) {
          throw ApiException.badRequest(
              "service identity '" + s.id() + "' must name the accountable human in 'author'");
        }
        yield dir.human(request.author())
            .orElseThrow(() -> ApiException.badRequest("author '" + request.author() + "' is not a known human"));
      }
    };
  }

  /** A required name such as an environment or a service. */
  static String name(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest(field + " is required");
    }
    if (!Names.valid(value)) {
      throw ApiException.badRequest(
          field + " '" + abbreviate(value) + "' is not a valid name (" + Names.RULE + ")");
    }
    return value;
  }

  /** The services a change declares; none when absent. */
  static List<String> services(@Nullable List<String> services) {
    if (services == null) {
      return List.of();
    }
    if (services.size() > MAX_SERVICES) {
      throw ApiException.badRequest("at most " + MAX_SERVICES + " services");
    }
    List<String> out = new ArrayList<>();
    for (String s : services) {
      out.add(name("services[]", s));
    }
    return out;
  }

  /** A change's title without surrounding blanks; empty when absent. */
  static String title(@Nullable String title) {
    String stripped = title == null ? "" : title.strip();
    if (stripped.length() > MAX_TITLE) {
      throw ApiException.badRequest("title is longer than " + MAX_TITLE + " characters");
    }
    return stripped;
  }

  /** The content to analyse, which must not be blank. */
  static String content(@Nullable String content) {
    if (content == null || content.isBlank()) {
      throw ApiException.badRequest("content is required: the plan JSON or the command text");
    }
    return content;
  }

  /** The kind the proposer names, or none to let the analyzer detect it. */
  static Optional<ChangeKind> kind(@Nullable String kind) {
    if (kind == null || kind.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        ChangeKind.fromWire(kind)
            .orElseThrow(
                () -> ApiException.badRequest(
                    "unknown kind '" + abbreviate(kind) + "' (expected terraform-plan, cloudformation-changeset, kubernetes, sql, shell or git, or omit it to detect)")));
  }

  /** A reviewer's verdict: approve or reject. */
  static Verdict verdict(@Nullable String verdict) {
    if ("approve".equals(verdict)) {
      return Verdict.APPROVE;
    }
    if ("reject".equals(verdict)) {
      return Verdict.REJECT;
    }
    throw ApiException.badRequest("verdict must be 'approve' or 'reject'");
  }

  /** The digest a reviewer reviewed, which must be given so a review never counts for another version. */
  static String reviewedDigest(@Nullable String digest) {
    if (digest == null || digest.isBlank()) {
      throw ApiException.badRequest("digest is required: the change digest you reviewed");
    }
    return digest;
  }

  /** A reviewer's comment; empty when absent. */
  static String comment(@Nullable String comment) {
    String text = comment == null ? "" : comment;
    if (text.length() > MAX_COMMENT) {
      throw ApiException.badRequest("comment is longer than " + MAX_COMMENT + " characters");
    }
    return text;
  }

  /** The 404 for a change id nobody stored. */
  static ApiException notFound(String id) {
    return ApiException.notFound("no change '" + abbreviate(id) + "'");
  }

  // Keeps error messages short when a client sends a huge or hostile value.
  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
