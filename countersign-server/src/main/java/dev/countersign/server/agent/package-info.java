/**
 * What an AI coding agent's tool call is and what it would do: the client-neutral {@link
 * dev.countersign.server.agent.ToolCall} every hook adapter produces, the mapping of tools to
 * normalized actions ({@link dev.countersign.server.agent.ToolMapper}), protected paths, and the
 * answer a hook gives ({@link dev.countersign.server.agent.AgentAnswer}).
 *
 * <p>Adding an agent client means a new adapter (a package beside this one, such as {@code
 * server.hook}) that parses its wire format into a {@code ToolCall} and renders an {@code
 * AgentAnswer}; the mapping and the decision are shared. Depends on the core, the analysers'
 * results (through an injected function) and Jackson's tree model only; never on the HTTP layer or
 * the store.
 */
@NullMarked
package dev.countersign.server.agent;

import org.jspecify.annotations.NullMarked;
