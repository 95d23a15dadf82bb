package dev.countersign.config.yaml;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The one way Countersign reads YAML it is configured with: bounded by {@link YamlLimits}, no tags,
 * no duplicate keys, strict UTF-8, and every failure a {@link ConfigException} with a position.
 *
 * <p>{@code SafeYaml.config().read(Path.of("org.yaml")).asMapping()}.
 */
public final class SafeYaml {
  private static final SafeYaml CONFIG = new SafeYaml(YamlLimits.CONFIG);

  private final YamlLimits limits;

  private SafeYaml(YamlLimits limits) {
    this.limits = limits;
  }

  /** A reader with the limits for configuration files ({@link YamlLimits#CONFIG}). */
  public static SafeYaml config() {
    return CONFIG;
  }

  /** A reader with other limits. */
  public static SafeYaml withLimits(YamlLimits limits) {
    return new SafeYaml(requireNonNull(limits, "limits"));
  }

  /** The limits this reader enforces. */
  public YamlLimits limits() {
    return limits;
  }

  /** Parses text that must hold exactly one YAML document. */
  public YamlNode parse(String text, String source) {
    return single(parseAll(text, source), source);
  }

  /** Parses text holding zero or more YAML documents separated by {@code ---}. */
  public List<YamlNode> parseAll(String text, String source) {
    requireNonNull(source, "source");
    checkSize(Utf8.length(text, limits.maxBytes()), source);
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    try {
      LoadSettings settings =
          LoadSettings.builder()
              .setLabel(source)
              .setCodePointLimit(Math.max(limits.maxBytes(), 1))
              .setParseComments(false)
              .build();
      Iterable<org.snakeyaml.engine.v2.events.Event> events = new Parse(settings).parseString(body);
      return new EventComposer(source, limits, events.iterator()).documents();
    } catch (ConfigException e) {
      throw e;
    } catch (MarkedYamlEngineException e) {
      throw Positions.marked(e, source);
    } catch (ReaderException e) {
      throw Positions.reader(e, body, source);
    } catch (YamlEngineException e) {
      throw ConfigException.about(source, "not valid YAML: " + e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      // Fail closed on a parser bug rather than leak an unexpected exception type.
      throw ConfigException.about(
          source, "the YAML parser failed (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Decodes UTF-8 bytes (refusing invalid UTF-8) and parses exactly one document. */
  public YamlNode parse(byte[] bytes, String source) {
    return parse(decode(bytes, source), source);
  }

  /** Decodes UTF-8 bytes (refusing invalid UTF-8) and parses zero or more documents. */
  public List<YamlNode> parseAll(byte[] bytes, String source) {
    return parseAll(decode(bytes, source), source);
  }

  /** Reads a file holding exactly one document; the source name in errors is the path. */
  public YamlNode read(Path path) {
    String source = path.toString();
    return parse(readBytes(path, source), source);
  }

  /** Reads a file holding zero or more documents; the source name in errors is the path. */
  public List<YamlNode> readAll(Path path) {
    String source = path.toString();
    return parseAll(readBytes(path, source), source);
  }

  /** Decodes strict UTF-8 within the size limit, for callers that need the text itself. */
  public String decode(byte[] bytes, String source) {
    checkSize(bytes.length, source);
    return Utf8.decode(bytes, source);
  }

  private byte[] readBytes(Path path, String source) {
    try (InputStream in = Files.newInputStream(path)) {
      byte[] bytes = in.readNBytes(limits.maxBytes() + 1);
      checkSize(bytes.length, source);
      return bytes;
    } catch (NoSuchFileException e) {
      throw ConfigException.about(source, "no such file");
    } catch (IOException e) {
      throw ConfigException.about(source, "cannot read the file: " + e.getMessage());
    }
  }

  private void checkSize(long bytes, String source) {
    if (bytes > limits.maxBytes()) {
      throw ConfigException.about(
          source, "larger than the limit of " + limits.maxBytes() + " bytes");
    }
  }

  private static YamlNode single(List<YamlNode> documents, String source) {
    if (documents.isEmpty()) {
      throw ConfigException.about(source, "the document is empty");
    }
    if (documents.size() > 1) {
      throw documents.get(1).error("expected one YAML document, found a second one");
    }
    return documents.get(0);
  }
}
