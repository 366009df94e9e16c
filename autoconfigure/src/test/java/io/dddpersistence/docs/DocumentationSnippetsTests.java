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
 * Every Java code block in README.md and docs/ is marked {@code <!-- snippet: path -->} and is the
 * code between {@code // snippet-start} and {@code // snippet-end} of that source file, which the
 * build compiles: the documentation cannot show code that does not compile, and a block added
 * without a marker fails the build.
 */
class DocumentationSnippetsTests {

	private static final Path ROOT = Path.of("..");

	private static final Pattern MARKED_BLOCK = Pattern.compile("<!-- snippet: (\\S+) -->\\s*```java\\n(.*?)```",
			Pattern.DOTALL);

	private static final Pattern JAVA_FENCE = Pattern.compile("^[ \\t]*(?:```|~~~)[ \\t]*java\\b.*$",
			Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);

	private static final Pattern MARKER = Pattern.compile("^[ \\t]*<!-- snippet: \\S+ -->[ \\t]*$");

	private static final Pattern SOURCE_SNIPPET = Pattern.compile("// snippet-start\\n(.*?)\\n[ \\t]*// snippet-end",
			Pattern.DOTALL);

	@Test
	void everyMarkedCodeBlockIsTheCompiledSource() throws IOException {
		int checked = 0;
		for (Path page : pages()) {
			Matcher block = MARKED_BLOCK.matcher(Files.readString(page));
			while (block.find()) {
				Path source = ROOT.resolve(block.group(1));
				assertThat(source).as("source of a snippet in " + page).exists();
				assertThat(normalise(block.group(2))).as("snippet from " + source + " in " + page)
					.isEqualTo(normalise(snippetOf(source)));
				checked++;
			}
		}
		assertThat(checked).as("marked snippets").isGreaterThanOrEqualTo(28);
	}

	@Test
	void everyJavaCodeBlockIsAMarkedSnippet() throws IOException {
		List<String> unchecked = new ArrayList<>();
		for (Path page : pages()) {
			String text = Files.readString(page);
			Matcher fence = JAVA_FENCE.matcher(text);
			int fences = 0;
			while (fence.find()) {
				fences++;
				if (!MARKER.matcher(lineBefore(text, fence.start())).matches()) {
					unchecked.add(page.getFileName() + ":" + lineNumber(text, fence.start()) + " has no marker");
				}
			}
			long marked = MARKED_BLOCK.matcher(text).results().count();
			if (marked != fences) {
				unchecked.add(page.getFileName() + " has " + fences + " java blocks, " + marked + " of them checked");
			}
		}
		assertThat(unchecked).as("java code blocks need a line <!-- snippet: path --> right before their ```java fence")
			.isEmpty();
	}

	private static List<Path> pages() throws IOException {
		List<Path> pages = new ArrayList<>();
		pages.add(ROOT.resolve("README.md"));
		try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
			docs.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
		}
		return pages;
	}

	private static String lineBefore(String text, int lineStart) {
		if (lineStart == 0) {
			return "";
		}
		int previousEnd = lineStart - 1;
		int previousStart = text.lastIndexOf('\n', previousEnd - 1) + 1;
		return text.substring(previousStart, previousEnd);
	}

	private static int lineNumber(String text, int offset) {
		return (int) text.substring(0, offset).chars().filter((c) -> c == '\n').count() + 1;
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
