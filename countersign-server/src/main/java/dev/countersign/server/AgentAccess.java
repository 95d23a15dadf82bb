package dev.countersign.server;

import dev.countersign.directory.Agent;
import dev.countersign.directory.Directory;
import dev.countersign.directory.Human;
import dev.countersign.directory.Level;
import dev.countersign.directory.Principal;

/**
 * Who may manage which agent: only humans; the agent's sponsor or a senior or above; and only agents
 * managed through the API (org.yaml's are the operators'). Each check throws the 403, 404 or 409
 * the caller gets.
 */
final class AgentAccess {
  private AgentAccess() {}

  /** The caller, who must be a human still in the directory. */
  static Human human(Directory dir, String callerId) {
    Principal p = principal(dir, callerId);
    if (!(p instanceof Human h)) {
      throw ApiException.forbidden("only humans manage agents; " + callerId + " is " + article(p.kind()));
    }
    return h;
  }

  /** The caller, who must still be in the directory. */
  static Principal principal(Directory dir, String callerId) {
    return dir.find(callerId)
        .orElseThrow(() -> ApiException.forbidden("principal '" + callerId + "' is not in the directory any more"));
  }

  /** Refuses unless {@code caller} sponsors the agent or is senior or above; {@code what} names the act. */
  static void mayManage(Human caller, String sponsor, String what) {
    if (!caller.id().equals(sponsor) && !caller.level().atLeast(Level.SENIOR)) {
      throw ApiException.forbidden(caller.id() + " may not " + what
          + ": only the sponsor or a human of level senior or above may");
    }
  }

  /** The agent, which must be one managed through the API, not one of org.yaml ({@code base}). */
  static Agent managedAgent(Directory dir, Directory base, String agentId) {
    if (base.agent(agentId).isPresent()) {
      throw ApiException.conflict("agent " + agentId + " is defined in org.yaml; change its grants there");
    }
    return dir.agent(agentId).orElseThrow(() -> ApiException.notFound("no agent " + agentId));
  }

  /** "a human", "an agent": for messages naming a principal's kind. */
  static String article(String kind) {
    return (kind.startsWith("a") ? "an " : "a ") + kind;
  }
}
