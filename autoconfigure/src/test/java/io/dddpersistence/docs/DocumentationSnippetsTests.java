package io.dddpersistence.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Code in README.md and docs/ that is marked {@code <!-- snippet: path -->} is the code between
 * {@code // snippet-start} and {@code // snippet-end} of that source file, which the build compiles
 * and a test runs: the documentation cannot show code that does not work.
 */
class DocumentationSnippetsTests {

	private static final Path ROOT = Path.of("..");

	private static final Pattern MARKED_BLOCK = Pattern.compile("<!-- snippet: (\\S+) -->\\s*```java\\n(.*?)```",
			Pattern.DOTALL);

	private static final Pattern SOURCE_SNIPPET = Pattern.compile("// snippet-start\\n(.*?)\\n[ \\t]*// snippet-end",
			Pattern.DOTALL);

	@Test
	void everyMarkedCodeBlockIsTheCompiledSource() throws IOException {
		List<Path> pages = new ArrayList<>();
		pages.add(ROOT.resolve("README.md"));
		try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
			docs.filter((path) -> path.toString().endsWith(".md")).forEach(pages::add);
		}
		int checked = 0;
		for (Path page : pages) {
			Matcher block = MARKED_BLOCK.matcher(Files.readString(page));
			while (block.find()) {
				Path source = ROOT.resolve(block.group(1));
				assertThat(source).as("source of a snippet in " + page).exists();
				assertThat(normalise(block.group(2))).as("snippet from " + source + " in " + page)
					.isEqualTo(normalise(snippetOf(source)));
				checked++;
			}
		}
		assertThat(checked).as("marked snippets").isGreaterThanOrEqualTo(4);
	}

	private static String snippetOf(Path source) throws IOException {
		Matcher snippet = SOURCE_SNIPPET.matcher(Files.readString(source));
		StringBuilder all = new StringBuilder();
		while (snippet.find()) {
			all.append(snippet.group(1)).append('\n');
		}
		return all.toString();
	}

	private static String normalise(String code) {
		return code.replaceAll("\\s+", " ").trim();
	}

}
