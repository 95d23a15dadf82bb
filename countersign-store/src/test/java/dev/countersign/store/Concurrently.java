package dev.countersign.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs the same task on several platform threads at once and collects the results in order. */
final class Concurrently {
  private Concurrently() {}

  /** A task for worker {@code 0 … n-1}. */
  @FunctionalInterface
  interface Task<T> {
    T run(int worker) throws Exception;
  }

  /** Runs {@code task} on {@code workers} threads and returns each worker's result. */
  static <T> List<T> run(int workers, Task<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        int worker = w;
        futures.add(pool.submit(() -> task.run(worker)));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Sleeps, turning an interrupt into an unchecked failure. */
  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits for the latch, turning an interrupt into an unchecked failure. */
  static void await(java.util.concurrent.CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("latch not released within 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
