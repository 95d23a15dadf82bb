package dev.countersign.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A change as stored: what was proposed, what analysis and policy made of it, and where it stands.
 * No text may contain U+0000 (PostgreSQL cannot store it): the store refuses it as {@link
 * StoreException.Reason#INVALID} on every database.
 *
 * @param id the change id ({@code ch_…}), or empty before it is inserted
 * @param kind the content format, e.g. {@code terraform-plan}
 * @param environment the target environment
 * @param services the services it declares it touches, in order
 * @param author the accountable human
 * @param agent the agent that produced or runs it, or empty
 * @param aiAssisted whether an AI produced it
 * @param title a short human title
 * @param content the raw proposal (plan, manifest, SQL, command); tested up to 10 MB
 * @param digest the semantic digest ({@code sha256:…}), or empty before analysis
 * @param analysisJson the analysis as JSON text, or empty
 * @param decisionJson the latest decision as JSON text, or empty
 * @param state the server's state word, e.g. {@code pending}
 * @param createdAt when it was proposed (stored to microseconds)
 * @param updatedAt when it last changed (stored to microseconds)
 */
public record ChangeRecord(
    String id,
    String kind,
    String environment,
    List<String> services,
    String author,
    String agent,
    boolean aiAssisted,
    String title,
    String content,
    String digest,
    String analysisJson,
    String decisionJson,
    String state,
    Instant createdAt,
    Instant updatedAt) {

  public ChangeRecord {
    requireNonNull(id, "id");
    requireNonNull(kind, "kind");
    requireNonNull(environment, "environment");
    services = List.copyOf(services);
    requireNonNull(author, "author");
    requireNonNull(agent, "agent");
    requireNonNull(title, "title");
    requireNonNull(content, "content");
    requireNonNull(digest, "digest");
    requireNonNull(analysisJson, "analysisJson");
    requireNonNull(decisionJson, "decisionJson");
    requireNonNull(state, "state");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(updatedAt, "updatedAt");
  }

  /** This record with another id (used when the store assigns one). */
  public ChangeRecord withId(String newId) {
    return new ChangeRecord(
        newId,
        kind,
        environment,
        services,
        author,
        agent,
        aiAssisted,
        title,
        content,
        digest,
        analysisJson,
        decisionJson,
        state,
        createdAt,
        updatedAt);
  }

  /** A short description without the content or JSON, safe to log. */
  @Override
  public String toString() {
    return "ChangeRecord[id="
        + id
        + ", kind="
        + kind
        + ", environment="
        + environment
        + ", state="
        + state
        + ", digest="
        + digest
        + ", contentLength="
        + content.length()
        + "]";
  }
}
