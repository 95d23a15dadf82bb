package dev.countersign.policy;

import dev.cel.common.types.CelType;
import dev.cel.common.types.StructType;
import dev.cel.common.values.StructValue;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A CEL struct value backed by a map with every declared field present.
 *
 * <p>Why not a plain map: the CEL runtime adapts a map variable by walking all of it on every
 * access, while a {@code CelValue} is taken as it is. With the default pack that walk was most of
 * the cost of a decision. A field may hold a {@link Lazy} value, computed when a rule first reads it.
 */
final class CelRecord extends StructValue<String, Map<String, Object>> {
  private final StructType type;
  private final Map<String, Object> fields;

  CelRecord(StructType type, Map<String, Object> fields) {
    this.type = type;
    this.fields = fields;
  }

  @Override
  public Object select(String field) {
    Object value = fields.get(field);
    if (value == null) {
      throw new IllegalArgumentException("no field '" + field + "' in " + type.name());
    }
    return value instanceof Lazy lazy ? lazy.get() : value;
  }

  @Override
  public Optional<Object> find(String field) {
    return fields.containsKey(field) ? Optional.of(select(field)) : Optional.empty();
  }

  @Override
  public Map<String, Object> value() {
    return fields;
  }

  @Override
  public boolean isZeroValue() {
    return fields.isEmpty();
  }

  @Override
  public CelType celType() {
    return type;
  }

  /** A field value computed on first read and then kept; one decision, one thread. */
  static final class Lazy {
    private final Supplier<Object> supplier;
    private @Nullable Object value;

    Lazy(Supplier<Object> supplier) {
      this.supplier = supplier;
    }

    Object get() {
      Object v = value;
      if (v == null) {
        v = supplier.get();
        value = v;
      }
      return v;
    }
  }
}
