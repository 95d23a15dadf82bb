package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.store.AuthenticatedToken;
import dev.countersign.store.Store;
import dev.countersign.store.StoreConfig;
import dev.countersign.store.TokenScope;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code countersign token create --env --service}: the target an agent's hook calls act on. */
class ScopedTokenTest {
  @TempDir Path dataDir;

  private CliRun create(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("token", "create", "--principal", "kiro-7",
        "--data-dir", dataDir.toString(), "--org", "../org.yaml"));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  private Optional<AuthenticatedToken> identify(String token) {
    try (Store store = Store.open(StoreConfig.h2File(dataDir))) {
      return store.transaction(tx -> tx.tokens().identify(token));
    }
  }

  @Test
  void tokenWithEnvAndServices_isStoredWithItsScope() {
    CliRun r = create("--env", "production", "--service", "payments-api", "--service", "ledger");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("scoped to production [payments-api, ledger]");
    String token = r.out().strip();
    assertThat(identify(token).orElseThrow().scope())
        .contains(new TokenScope("production", List.of("payments-api", "ledger")));
  }

  @Test
  void tokenWithoutEnv_hasNoScope() {
    CliRun r = create();

    assertThat(r.exitCode()).isZero();
    assertThat(identify(r.out().strip()).orElseThrow().scope()).isEmpty();
  }

  @Test
  void serviceWithoutEnv_isAnInputError() {
    CliRun r = create("--service", "payments-api");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--service needs --env");
  }

  @Test
  void invalidEnvName_isAnInputError() {
    CliRun r = create("--env", "prod env");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("not a valid name");
  }
}
