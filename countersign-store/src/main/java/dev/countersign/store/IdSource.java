package dev.countersign.store;

import static java.util.Objects.requireNonNull;

import java.util.random.RandomGenerator;

/** Makes fresh ids for stored rows; injected so tests can predict them. */
@FunctionalInterface
public interface IdSource {

  /** A new id beginning with {@code prefix}, e.g. {@code ch_} for a change. */
  String next(String prefix);

  /**
   * Ids of {@code prefix} and 26 Crockford base32 characters (130 random bits) drawn from {@code
   * random}: ULID-shaped, but without the time part, so nothing here reads a clock.
   */
  static IdSource random(RandomGenerator random) {
    requireNonNull(random, "random");
    String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    return prefix -> {
      StringBuilder id = new StringBuilder(prefix.length() + 26).append(prefix);
      for (int i = 0; i < 26; i++) {
        id.append(alphabet.charAt(random.nextInt(32)));
      }
      return id.toString();
    };
  }
}
