package io.dddpersistence.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/configuration.md cannot drift from the configuration metadata the build generates: every
 * property in one is in the other, with the same default.
 */
class ConfigurationReferenceTests {

	private static final Pattern ROW = Pattern.compile("^\\| `?(ddd\\.persistence\\.[a-z0-9.\\-]+?)(\\.\\*)?`? \\| ([^|]*) \\|");

	@Test
	void everyPropertyIsDocumentedWithItsDefaultAndEveryDocumentedPropertyExists() throws IOException {
		Map<String, String> metadata = metadata();
		Map<String, String> documented = documented();
		assertThat(documented.keySet()).as("properties in docs/configuration.md")
			.containsExactlyInAnyOrderElementsOf(metadata.keySet());
		metadata.forEach((name, defaultValue) -> {
			if (defaultValue != null) {
				assertThat(documented.get(name)).as("documented default of " + name).isEqualTo(defaultValue);
			}
		});
	}

	@Test
	void theSearchPageSizesAreDeprecatedAliasesOfTheRepositoryOnes() throws IOException {
		try (InputStream json = ConfigurationReferenceTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			JsonNode root = JsonMapper.builder().build().readTree(json);
			Map<String, String> replacements = new TreeMap<>();
			for (JsonNode property : root.get("properties")) {
				JsonNode deprecation = property.get("deprecation");
				if (deprecation != null && property.get("name").asString().startsWith("ddd.persistence.")) {
					replacements.put(property.get("name").asString(), deprecation.get("replacement").asString());
				}
			}
			assertThat(replacements).containsExactlyInAnyOrderEntriesOf(Map.of("ddd.persistence.search.max-page-size",
					"ddd.persistence.repository.max-page-size", "ddd.persistence.search.default-page-size",
					"ddd.persistence.repository.default-page-size"));
		}
	}

	private static Map<String, String> metadata() throws IOException {
		Map<String, String> properties = new TreeMap<>();
		try (InputStream json = ConfigurationReferenceTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(json).as("generated configuration metadata").isNotNull();
			JsonNode root = JsonMapper.builder().build().readTree(json);
			for (JsonNode property : root.get("properties")) {
				String name = property.get("name").asString();
				if (name.startsWith("ddd.persistence.")) {
					JsonNode value = property.get("defaultValue");
					properties.put(name, (value == null || value.isNull()) ? null : normalise(value.isArray()
							? String.join(",", value.valueStream().map(JsonNode::asString).toList()) : value.asString()));
				}
			}
		}
		return properties;
	}

	private static Map<String, String> documented() throws IOException {
		Path reference = Path.of("..", "docs", "configuration.md");
		Map<String, String> properties = new TreeMap<>();
		for (String line : Files.readAllLines(reference)) {
			Matcher row = ROW.matcher(line);
			if (row.find()) {
				properties.put(row.group(1), normalise(row.group(3).trim().replace("`", "")));
			}
		}
		return properties;
	}

	private static String normalise(String value) {
		if (value.equals("\"\"")) {
			return "";
		}
		try {
			return new java.math.BigDecimal(value).stripTrailingZeros().toPlainString();
		}
		catch (NumberFormatException notANumber) {
			return value.toLowerCase(Locale.ROOT);
		}
	}

}
