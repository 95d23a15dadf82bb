package dev.countersign.server.hook;

import dev.countersign.server.agent.AgentAnswer;
import dev.countersign.server.agent.ToolCall;

/**
 * One agent client's hook wire format: reads its hook request into a {@link ToolCall} and writes an
 * {@link AgentAnswer} in the answer format that client acts on.
 *
 * <p>Every implementation fails closed: {@link #parse} throws a {@link HookPayloadException} for a
 * request it cannot read, and {@link #render} must produce the client's <em>deny</em> form for any
 * answer that is not an allow, whatever the request looked like (even empty or garbled).
 */
public interface HookFormat {
  /** The tool call in a hook request; a {@link HookPayloadException} naming what is wrong otherwise. */
  ToolCall parse(byte[] body);

  /**
   * The answer in the client's format. {@code body} is the request as received (possibly unreadable),
   * used only to pick the answer's shape when the client has several events.
   */
  byte[] render(byte[] body, AgentAnswer answer);
}
