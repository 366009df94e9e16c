package io.dddpersistence.patch;

import java.util.Collection;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A merge patch of an entity of type {@code T} as a controller receives it: the JSON body, the
 * version from {@code If-Match}, and the writable fields (the parameter's {@link Writable}, else
 * the entity's). A controller is then one line:
 *
 * <pre class="code">
 * &#64;PatchMapping("/profiles/{id}")
 * Profile patch(&#64;PathVariable UUID id, MergePatchRequest&lt;Profile&gt; patch) {
 *     return patch.applyTo(id);
 * }
 * </pre>
 *
 * @param <T> the entity type
 */
public final class MergePatchRequest<T> {

	private final MergePatcher patcher;

	private final Class<T> type;

	private final JsonNode body;

	private final @Nullable Long expectedVersion;

	private final Set<String> writable;

	/** A request patching {@code type} with {@code body}, based on {@code expectedVersion}, through {@code writable}. */
	public MergePatchRequest(MergePatcher patcher, Class<T> type, JsonNode body, @Nullable Long expectedVersion,
			Collection<String> writable) {
		this.patcher = patcher;
		this.type = type;
		this.body = body;
		this.expectedVersion = expectedVersion;
		this.writable = Set.copyOf(writable);
	}

	/** Patches the entity of that id: see {@link MergePatcher#patch}. */
	public T applyTo(Object id) {
		return this.patcher.patch(this.type, id, this.expectedVersion, this.body, this.writable);
	}

	/** Creates a new {@code T} from the body, through the same whitelist (not persisted): a create endpoint's input. */
	public T create() {
		return this.patcher.create(this.type, this.body, this.writable);
	}

	/** The patch as received. */
	public JsonNode body() {
		return this.body;
	}

	/** The version from {@code If-Match}, or null when the request had none. */
	public @Nullable Long expectedVersion() {
		return this.expectedVersion;
	}

	/** The properties this patch may write. */
	public Set<String> writable() {
		return this.writable;
	}

}
