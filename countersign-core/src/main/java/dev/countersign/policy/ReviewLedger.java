package dev.countersign.policy;

import dev.countersign.directory.Directory;
import dev.countersign.directory.Human;
import dev.countersign.directory.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reviews of one change sorted into what counts: the latest review per reviewer for the
 * change's current digest, approvals still within their lifetime by humans who may review, and
 * rejects that may block. Also says, in words, why any other review does not count.
 */
final class ReviewLedger {
  /** A reject that blocks if its reviewer is eligible for a matched requirement. */
  record Rejection(Human reviewer, Review review) {}

  private static final ReviewLedger EMPTY = new ReviewLedger(List.of(), List.of(), List.of());

  private final List<Human> approvers;
  private final List<Rejection> rejections;
  private final List<String> notes;

  private ReviewLedger(List<Human> approvers, List<Rejection> rejections, List<String> notes) {
    this.approvers = approvers;
    this.rejections = rejections;
    this.notes = notes;
  }

  /** Sorts {@code reviews} of {@code input}'s change. */
  static ReviewLedger of(DecisionInput input, List<Review> reviews, Directory directory, Duration lifetime) {
    if (reviews.isEmpty()) {
      return EMPTY;
    }
    String digest = input.change().digest();
    List<String> notes = new ArrayList<>();
    Map<String, Review> latest = new LinkedHashMap<>();
    Map<String, Review> stale = new LinkedHashMap<>();
    for (Review r : reviews) {
      Map<String, Review> into = r.digest().equals(digest) ? latest : stale;
      Review before = into.get(r.reviewer());
      if (before == null || !r.at().isBefore(before.at())) {
        into.remove(r.reviewer());
        into.put(r.reviewer(), r);
      }
    }
    for (Review r : stale.values()) {
      if (!latest.containsKey(r.reviewer())) {
        notes.add(r.verdict().wire() + " by " + r.reviewer() + " does not count: it was given for "
            + shortDigest(r.digest()) + " and the change is now " + shortDigest(digest));
      }
    }
    List<Human> approvers = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    for (Review r : latest.values()) {
      Optional<Principal> who = directory.find(r.reviewer());
      Optional<String> refusal =
          who.isEmpty() ? Optional.of(r.reviewer() + " is not in the directory") : ReviewerRules.refusal(input, who.get());
      if (refusal.isPresent()) {
        notes.add(r.verdict().wire() + " by " + r.reviewer() + " does not count: " + refusal.get());
      } else if (r.verdict() == Verdict.REJECT) {
        rejections.add(new Rejection((Human) who.get(), r));
      } else if (!input.now().isBefore(r.at().plus(lifetime))) {
        notes.add("approval by " + r.reviewer() + " does not count: it expired (given " + r.at()
            + "; approvals last " + words(lifetime) + ")");
      } else {
        approvers.add((Human) who.get());
      }
    }
    return new ReviewLedger(List.copyOf(approvers), List.copyOf(rejections), List.copyOf(notes));
  }

  /** Humans whose approvals count, before eligibility, in review order. */
  List<Human> approvers() {
    return approvers;
  }

  /** Current rejects by humans who may review this change. */
  List<Rejection> rejections() {
    return rejections;
  }

  /** Why each other review does not count. */
  List<String> notes() {
    return notes;
  }

  private static String shortDigest(String digest) {
    return digest.length() > 19 ? digest.substring(0, 19) + "…" : digest;
  }

  private static String words(Duration d) {
    return d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
  }
}
