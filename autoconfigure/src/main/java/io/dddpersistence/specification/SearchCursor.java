package io.dddpersistence.specification;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;

/**
 * Keyset cursors as opaque, URL-safe strings: the sort keys of the last row a client saw, encoded as
 * base64url text. A cursor is read back against the request's sort, and its values are converted to
 * the attribute types like filter values, so a forged cursor gets a typed error and never reaches SQL
 * as anything but bound parameters.
 */
final class SearchCursor {

	private SearchCursor() {
	}

	static String encode(KeysetScrollPosition position, java.util.function.Function<Object, String> text) {
		StringBuilder plain = new StringBuilder();
		for (Map.Entry<String, ?> key : position.getKeys().entrySet()) {
			if (!plain.isEmpty()) {
				plain.append('&');
			}
			plain.append(URLEncoder.encode(key.getKey(), StandardCharsets.UTF_8));
			if (key.getValue() != null) {
				plain.append('=').append(URLEncoder.encode(text.apply(key.getValue()), StandardCharsets.UTF_8));
			}
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** The keys of a cursor, which must name exactly the sort's properties. */
	static Map<String, @Nullable String> decode(String cursor, List<String> sortProperties) {
		String plain;
		try {
			plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(cursor, "it is not a cursor returned by this API");
		}
		if (plain.indexOf('\0') >= 0) {
			throw invalid(cursor, "it is not a cursor returned by this API");
		}
		Map<String, @Nullable String> keys = new LinkedHashMap<>();
		try {
			for (String pair : plain.split("&", -1)) {
				int equals = pair.indexOf('=');
				String name = URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
				keys.put(name,
						(equals < 0) ? null : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		catch (IllegalArgumentException ex) {
			throw invalid(cursor, "it is not a cursor returned by this API");
		}
		if (!keys.keySet().equals(new java.util.HashSet<>(sortProperties))) {
			throw invalid(cursor, "it was made for another sort; start again without 'after'");
		}
		return keys;
	}

	static KeysetScrollPosition position(Map<String, ?> keys) {
		return ScrollPosition.forward(keys);
	}

	static InvalidPageException invalid(String cursor, String reason) {
		return new InvalidPageException("after", cursor, reason);
	}

}
