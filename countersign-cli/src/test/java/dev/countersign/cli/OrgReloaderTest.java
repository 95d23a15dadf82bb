package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.directory.Directory;
import dev.countersign.directory.Level;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One poll of the org file at a time, without a server: what is adopted, what is reported. */
class OrgReloaderTest {
  private static final String SAM_SENIOR = "humans:\n  - {id: sam, level: senior, teams: [payments]}\n";
  private static final String SAM_JUNIOR = "humans:\n  - {id: sam, level: junior, teams: [payments]}\n";
  private static final String BROKEN = "humans:\n  - {id: sam, level: overlord, teams: [payments]}\n";

  @TempDir Path dir;
  private Path file;
  private final List<Directory> adopted = new ArrayList<>();
  private final List<String> log = new ArrayList<>();

  @BeforeEach
  void writeOrg() throws IOException {
    file = dir.resolve("org.yaml");
    Files.writeString(file, SAM_SENIOR);
  }

  private OrgReloader reloader() {
    return new OrgReloader(file, OrgReloader.content(file), adopted::add, log::add);
  }

  @Test
  void changedFile_isAdoptedAndReported() throws IOException {
    OrgReloader reloader = reloader();
    Files.writeString(file, SAM_JUNIOR);

    reloader.poll();

    assertThat(adopted).singleElement()
        .satisfies(d -> assertThat(d.human("sam").orElseThrow().level()).isEqualTo(Level.JUNIOR));
    assertThat(log).containsExactly("countersign: directory reloaded from " + file);
  }

  @Test
  void sameSizeEditWithinTheTimestampResolution_isStillReloaded() throws IOException {
    OrgReloader reloader = reloader();
    FileTime before = Files.getLastModifiedTime(file);
    Files.writeString(file, SAM_JUNIOR); // "senior" and "junior": same length
    Files.setLastModifiedTime(file, before);

    reloader.poll();

    assertThat(adopted).hasSize(1);
  }

  @Test
  void touchedButUnchangedFile_isNotReloaded() throws IOException {
    OrgReloader reloader = reloader();
    Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    Files.writeString(dir.resolve("notes.txt"), "a file next to org.yaml");

    reloader.poll();

    assertThat(adopted).isEmpty();
    assertThat(log).isEmpty();
  }

  @Test
  void brokenFile_keepsTheDirectory_andIsReportedOnceNamingTheProblem() throws IOException {
    OrgReloader reloader = reloader();
    Files.writeString(file, BROKEN);

    reloader.poll();
    reloader.poll();

    assertThat(adopted).isEmpty();
    assertThat(log).singleElement().asString()
        .startsWith("countersign: " + file + " not reloaded, the directory in force stays: ")
        .contains("overlord");
  }

  @Test
  void fixingABrokenFile_reloads() throws IOException {
    OrgReloader reloader = reloader();
    Files.writeString(file, BROKEN);
    reloader.poll();
    Files.writeString(file, SAM_SENIOR);

    reloader.poll();

    assertThat(adopted).hasSize(1);
    assertThat(log).last().asString().startsWith("countersign: directory reloaded from");
  }

  @Test
  void deletedFile_keepsTheDirectory_andIsReportedOnce() throws IOException {
    OrgReloader reloader = reloader();
    Files.delete(file);

    reloader.poll();
    reloader.poll();

    assertThat(adopted).isEmpty();
    assertThat(log).singleElement().asString().endsWith("it does not exist");
  }

  @Test
  void directoryThatCannotBeRecorded_isTriedAgainAtTheNextPoll() throws IOException {
    List<Directory> recorded = new ArrayList<>();
    int[] calls = {0};
    OrgReloader reloader = new OrgReloader(file, OrgReloader.content(file), d -> {
      if (calls[0]++ == 0) {
        throw new IllegalStateException("database unavailable");
      }
      recorded.add(d);
    }, log::add);
    Files.writeString(file, SAM_JUNIOR);

    reloader.poll();
    assertThat(recorded).isEmpty();
    reloader.poll();

    assertThat(recorded).hasSize(1);
    assertThat(log).hasSize(2);
    assertThat(log.get(0)).contains("not reloaded").contains("database unavailable");
  }

  @Test
  void editMadeBetweenLoadingAndTheFirstPoll_isReloaded() throws IOException {
    byte[] loadedFrom = SAM_SENIOR.getBytes(StandardCharsets.UTF_8);
    Files.writeString(file, SAM_JUNIOR); // edited while the server was starting
    OrgReloader reloader = new OrgReloader(file, loadedFrom, adopted::add, log::add);

    reloader.poll();

    assertThat(adopted).hasSize(1);
  }
}
