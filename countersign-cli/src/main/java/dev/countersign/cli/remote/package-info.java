/**
 * Commands that talk to a running Countersign server over its HTTP API: {@code countersign approve}
 * and {@code countersign reject}. The server and token come from {@code --server}/{@code --token}
 * or {@code COUNTERSIGN_URL}/{@code COUNTERSIGN_TOKEN}.
 *
 * <p>Depends on the JDK's HTTP client, Jackson and picocli; never on the store or the decision core
 * (the server decides).
 */
@NullMarked
package dev.countersign.cli.remote;

import org.jspecify.annotations.NullMarked;
