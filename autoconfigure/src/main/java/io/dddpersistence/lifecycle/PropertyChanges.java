package io.dddpersistence.lifecycle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The properties of an entity that an update changes, in the order the mapping lists them, each
 * with its value before and after. An embedded value (a value object) is one property.
 */
public final class PropertyChanges {

	private final Map<String, Change> changes;

	PropertyChanges(List<Change> changes) {
		Map<String, Change> byName = new LinkedHashMap<>();
		changes.forEach((change) -> byName.put(change.property(), change));
		this.changes = byName;
	}

	/** The names of the changed properties. */
	public Set<String> names() {
		return this.changes.keySet();
	}

	/** Whether the property changed. */
	public boolean contains(String property) {
		return this.changes.containsKey(property);
	}

	/** The change of a property, if it changed. */
	public Optional<Change> get(String property) {
		return Optional.ofNullable(this.changes.get(property));
	}

	/** Every change. */
	public List<Change> all() {
		return List.copyOf(this.changes.values());
	}

	@Override
	public String toString() {
		return this.changes.values().toString();
	}

	/**
	 * One changed property.
	 *
	 * @param property the property's name
	 * @param before its value as loaded (or as last flushed)
	 * @param after its value now
	 */
	public record Change(String property, @Nullable Object before, @Nullable Object after) {
	}

}
