package io.dddpersistence.patch;

/** The refusals of a patch request that is not a patch at all, for the web layer. */
public final class MalformedPatches {

	private MalformedPatches() {
	}

	public static InvalidPatchException notJson(Class<?> entity) {
		return new InvalidPatchException("malformed-patch", "The body of a merge patch of " + entity.getSimpleName()
				+ " is not JSON", "entity", entity.getSimpleName());
	}

	public static InvalidPatchException notAnObject(Class<?> entity) {
		return new InvalidPatchException("malformed-patch", "A merge patch of " + entity.getSimpleName()
				+ " is a JSON object", "entity", entity.getSimpleName());
	}

	public static InvalidPatchException badIfMatch(String header) {
		String shown = (header.length() > 40) ? header.substring(0, 40) + "..." : header;
		return new InvalidPatchException("invalid-if-match", "If-Match must hold one version, such as \"3\", not "
				+ shown, "header", "If-Match");
	}

}
