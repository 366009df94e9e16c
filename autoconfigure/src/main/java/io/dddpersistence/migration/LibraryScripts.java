package io.dddpersistence.migration;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.StreamUtils;

/**
 * One capability's scripts as Flyway reads them when its tables have a prefix of their own: each
 * script with the default names turned into the configured ones ({@link LibraryTables#script}). The
 * checksums Flyway records are those of the renamed text, stable for a given prefix. With the default
 * prefix Flyway reads the scripts from the class path itself and this is not used.
 */
final class LibraryScripts implements ResourceProvider {

	private final List<LoadableResource> scripts;

	LibraryScripts(String folder, LibraryTables tables, @Nullable ClassLoader classLoader) {
		List<LoadableResource> scripts = new ArrayList<>();
		try {
			Resource[] found = new PathMatchingResourcePatternResolver(classLoader)
				.getResources("classpath*:" + folder + "/*.sql");
			for (Resource resource : found) {
				String name = resource.getFilename();
				if (name == null) {
					continue;
				}
				String text = StreamUtils.copyToString(resource.getInputStream(), StandardCharsets.UTF_8);
				scripts.add(new Script(folder + "/" + name, name, tables.script(text)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the library's scripts in " + folder, ex);
		}
		if (scripts.isEmpty()) {
			throw new IllegalStateException("No scripts of the library in classpath:" + folder);
		}
		this.scripts = List.copyOf(scripts);
	}

	@Override
	public @Nullable LoadableResource getResource(String name) {
		return this.scripts.stream().filter((script) -> script.getRelativePath().equals(name)).findFirst().orElse(null);
	}

	@Override
	public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
		return this.scripts.stream()
			.filter((script) -> script.getFilename().startsWith(prefix))
			.filter((script) -> Arrays.stream(suffixes).anyMatch(script.getFilename()::endsWith))
			.toList();
	}

	private static final class Script extends LoadableResource {

		private final String path;

		private final String name;

		private final String text;

		Script(String path, String name, String text) {
			this.path = path;
			this.name = name;
			this.text = text;
		}

		@Override
		public Reader read() {
			return new StringReader(this.text);
		}

		@Override
		public String getAbsolutePath() {
			return this.path;
		}

		@Override
		public String getAbsolutePathOnDisk() {
			return this.path;
		}

		@Override
		public String getFilename() {
			return this.name;
		}

		@Override
		public String getRelativePath() {
			return this.name;
		}

	}

}
