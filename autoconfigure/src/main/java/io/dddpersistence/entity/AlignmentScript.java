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

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The migration script the start-up checks write instead of failing, when
 * {@code ddd.persistence.entity.migration-script} names a file: every statement they would ask for
 * (missing trait columns, trait and spatial indexes, tenant indexes, row-level security), in that
 * order, as one Flyway-ready script. Nothing is executed: the script is for a person to read,
 * rename to the next version and add to the migrations. An aligned database gets no script.
 */
public final class AlignmentScript {

	private static final Log logger = LogFactory.getLog(AlignmentScript.class);

	private final @Nullable Path target;

	// by section, written in the sections' order whichever check ran first
	private final Map<Section, List<String>> statements = new EnumMap<>(Section.class);

	/** A script written to {@code target}; {@code null}: the checks fail or warn as configured. */
	public AlignmentScript(@Nullable Path target) {
		this.target = target;
	}

	/** Whether the checks hand their statements to this script instead of failing or warning. */
	public boolean isCollecting() {
		return this.target != null;
	}

	/** Adds the statements one check asks for to its section, under a comment saying why. */
	public synchronized void add(Section section, String why, List<String> statements) {
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

	/** Writes the script if a check asked for anything; returns whether it did. */
	public synchronized boolean write() {
		Path target = this.target;
		if (target == null) {
			return false;
		}
		if (this.statements.isEmpty()) {
			logger.info("The database matches the entity traits: no migration script written to " + target);
			return false;
		}
		List<String> lines = new ArrayList<>();
		lines.add("-- Brings the database in line with the entity traits, as the start-up checks found it.");
		lines.add("-- Written by ddd-persistence (ddd.persistence.entity.migration-script); nothing was executed.");
		lines.add("-- Review it, give it the next version of your Flyway history, and add it to your migrations.");
		lines.add("");
		this.statements.values().forEach(lines::addAll);
		try {
			Path parent = target.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.write(target, lines, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the migration script " + target, ex);
		}
		logger.warn("The database lacks what the entity traits need: wrote the statements to " + target.toAbsolutePath()
				+ "; review them and add them to your migrations");
		return true;
	}

}
