package dev.countersign.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store suite against embedded H2 files in a temporary directory. */
class H2StoreTest extends StoreContract {
  @TempDir Path dir;
  private final AtomicInteger databases = new AtomicInteger();

  @Test
  void sharingServer_listensOnLoopbackOnly() throws Exception {
    StoreConfig config = newDatabase();
    open(config);
    Properties lock = new Properties();
    try (Reader in = Files.newBufferedReader(dir.resolve("db1/countersign.lock.db"))) {
      lock.load(in);
    }
    String server = lock.getProperty("server");
    int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));

    assertThat(accepts(InetAddress.getLoopbackAddress(), port)).isTrue();
    for (InetAddress address : nonLoopbackAddresses()) {
      assertThat(accepts(address, port)).as("listening on %s", address).isFalse();
    }
  }

  private static boolean accepts(InetAddress address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 1000);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  private static List<InetAddress> nonLoopbackAddresses() throws IOException {
    return NetworkInterface.networkInterfaces()
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
        .toList();
  }

  @Override
  protected StoreConfig newDatabase() {
    return StoreConfig.h2File(dir.resolve("db" + databases.incrementAndGet()));
  }
}
