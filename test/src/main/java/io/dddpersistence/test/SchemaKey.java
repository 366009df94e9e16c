package io.dddpersistence.test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What decides the schema a test context's migrations build, as a short hash: the migration
 * settings ({@code spring.flyway.*}, {@code spring.liquibase.*}, {@code spring.jpa.*},
 * {@code spring.sql.init.*}, {@code ddd.persistence.*}) and the text of every script in the Flyway
 * locations, the Liquibase change log's folder and the library's own scripts. Two contexts with the
 * same key build the same schema, so the second may start from a copy of the first's.
 */
final class SchemaKey {

	// bump when what goes into the key, or into a template, changes
	private static final String VERSION = "ddd-test-template-1";

	private static final String[] SETTINGS = { "spring.flyway.", "spring.liquibase.", "spring.jpa.",
			"spring.sql.init.", "ddd.persistence." };

	private SchemaKey() {
	}

	static String of(ConfigurableEnvironment environment, @Nullable ClassLoader classLoader) {
		Map<String, String> settings = new TreeMap<>();
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				for (String name : enumerable.getPropertyNames()) {
					if (Arrays.stream(SETTINGS).anyMatch(name::startsWith)) {
						settings.put(name, String.valueOf(environment.getProperty(name)));
					}
				}
			}
		}
		MessageDigest digest = sha256();
		update(digest, VERSION);
		settings.forEach((name, value) -> update(digest, name + "=" + value));
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
		String locations = environment.getProperty("spring.flyway.locations", "classpath:db/migration");
		for (String location : locations.split(",")) {
			scripts(digest, resolver, location.strip().replace("{vendor}", "postgresql"));
		}
		String changeLog = environment.getProperty("spring.liquibase.change-log",
				"classpath:/db/changelog/db.changelog-master.yaml");
		int slash = changeLog.lastIndexOf('/');
		if (slash > 0) {
			scripts(digest, resolver, changeLog.substring(0, slash));
		}
		scripts(digest, resolver, "classpath:db/ddd-persistence");
		return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
	}

	private static void scripts(MessageDigest digest, PathMatchingResourcePatternResolver resolver, String location) {
		String pattern = location.startsWith("classpath:")
				? "classpath*:" + trimSlashes(location.substring("classpath:".length())) + "/**/*"
				: location.startsWith("filesystem:") ? "file:" + location.substring("filesystem:".length()) + "/**/*"
						: location + "/**/*";
		try {
			Resource[] found = resolver.getResources(pattern);
			Map<String, Resource> byPath = new TreeMap<>();
			for (Resource resource : found) {
				if (resource.isReadable() && resource.getFilename() != null) {
					byPath.put(relative(resource, location), resource);
				}
			}
			for (Map.Entry<String, Resource> entry : byPath.entrySet()) {
				update(digest, entry.getKey());
				try (InputStream in = entry.getValue().getInputStream()) {
					digest.update(in.readAllBytes());
				}
			}
		}
		catch (IOException ex) {
			// an unreadable location: key on its name only, and the migrations will say what is wrong
			update(digest, "unreadable " + location);
		}
	}

	// the same script from a jar or a folder keys alike
	private static String relative(Resource resource, String location) throws IOException {
		String url = resource.getURL().toString();
		String marker = trimSlashes(location.substring(location.indexOf(':') + 1));
		int at = url.lastIndexOf(marker);
		return (at >= 0) ? url.substring(at) : url;
	}

	private static String trimSlashes(String path) {
		String trimmed = path;
		while (trimmed.startsWith("/")) {
			trimmed = trimmed.substring(1);
		}
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		return trimmed;
	}

	private static void update(MessageDigest digest, String text) {
		digest.update(text.getBytes(StandardCharsets.UTF_8));
		digest.update((byte) 0);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
