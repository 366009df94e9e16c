package io.dddpersistence.entity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Where the start-up checks (trait columns, trait and spatial indexes, tenant indexes, row-level
 * security) send what they found missing, the one place that decides what happens to it: with
 * {@code ddd.persistence.entity.migration-script} naming a file, the statements go into one
 * Flyway-ready script, in that order, written once the context is refreshed (nothing is executed,
 * and an aligned database gets no script); otherwise start-up fails or a warning is logged, as
 * {@code ddd.persistence.entity.index-check} says. The same script is {@link #script()}, for a test
 * that asserts the migrations give the entities what their traits need.
 */
public final class SchemaFindings {

	private static final Log logger = LogFactory.getLog(SchemaFindings.class);

	private final @Nullable Path target;

	private final EntityProperties.IndexCheck mode;

	// by section, written in the sections' order whichever check ran first
	private final Map<Section, List<String>> statements = new EnumMap<>(Section.class);

	/**
	 * Findings written to the script {@code target}, or, when it is {@code null}, failing or
	 * warning as {@code mode} says.
	 */
	public SchemaFindings(@Nullable Path target, EntityProperties.IndexCheck mode) {
		this.target = target;
		this.mode = mode;
	}

	/** Whether the checks look at all: not with index-check=off, unless a script is asked for. */
	public boolean wanted() {
		return this.target != null || this.mode != EntityProperties.IndexCheck.OFF;
	}

	/**
	 * What one check found missing: its statements go into the script's section (under a comment
	 * saying why), and unless a script file is asked for, start-up fails with {@code message} or
	 * {@code message} is logged.
	 */
	public void missing(Section section, String why, List<String> statements, String message) {
		// kept whatever the mode, so that a test can ask for the script of a context that only warned
		add(section, why, statements);
		if (this.target != null) {
			return;
		}
		if (this.mode == EntityProperties.IndexCheck.FAIL) {
			throw new IllegalStateException(message);
		}
		logger.warn(message);
	}

	private synchronized void add(Section section, String why, List<String> statements) {
		if (statements.isEmpty()) {
			return;
		}
		List<String> lines = this.statements.computeIfAbsent(section, (key) -> new ArrayList<>());
		lines.add("-- " + why);
		lines.addAll(statements);
		lines.add("");
	}

	/** The parts of the script, in the order they are written: a column before any index on it. */
	public enum Section {

		/** Missing trait columns. */
		COLUMNS,

		/** Missing trait and spatial indexes. */
		INDEXES,

		/** Missing tenant indexes. */
		TENANT_INDEXES,

		/** Missing row-level security. */
		ROW_LEVEL_SECURITY

	}

	/**
	 * The script that brings the database in line with the entity traits, as the checks found it;
	 * empty when nothing is missing. With {@code index-check=fail} and no script file, start-up has
	 * already failed on the first finding.
	 * @throws IllegalStateException when the checks are off ({@code index-check=off} without a
	 * script file): an empty script would claim an alignment nobody checked
	 */
	public synchronized Optional<String> script() {
		if (!wanted()) {
			throw new IllegalStateException("The start-up schema checks are off (ddd.persistence.entity.index-check=off): "
					+ "set it to warn, or set ddd.persistence.entity.migration-script, to find what is missing");
		}
		if (this.statements.isEmpty()) {
			return Optional.empty();
		}
		List<String> lines = new ArrayList<>();
		lines.add("-- Brings the database in line with the entity traits, as the start-up checks found it.");
		lines.add("-- Written by ddd-persistence (ddd.persistence.entity.migration-script); nothing was executed.");
		lines.add("-- Review it, give it the next version of your Flyway history, and add it to your migrations.");
		lines.add("");
		this.statements.values().forEach(lines::addAll);
		return Optional.of(String.join("\n", lines) + "\n");
	}

	/** Writes the script if a check asked for anything; returns whether it did. */
	public synchronized boolean write() {
		Path target = this.target;
		if (target == null) {
			return false;
		}
		Optional<String> script = script();
		if (script.isEmpty()) {
			logger.info("The database matches the entity traits: no migration script written to " + target);
			return false;
		}
		try {
			Path parent = target.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.writeString(target, script.get(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the migration script " + target, ex);
		}
		logger.warn("The database lacks what the entity traits need: wrote the statements to " + target.toAbsolutePath()
				+ "; review them and add them to your migrations");
		return true;
	}

}
