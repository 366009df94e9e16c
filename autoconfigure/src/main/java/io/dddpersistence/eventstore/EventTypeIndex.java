package io.dddpersistence.eventstore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.util.StreamUtils;

/**
 * The {@link EventType} classes of an application, found once. At build time ({@link
 * EventStoreAotProcessor}) the packages are scanned and the class names written to {@link #LOCATION};
 * an application started from its AOT-processed form reads that list instead of scanning the class
 * path again.
 */
final class EventTypeIndex {

	/** The class path resource that lists the event classes, one fully qualified name per line. */
	static final String LOCATION = "META-INF/ddd-persistence/event-types.txt";

	private EventTypeIndex() {
	}

	/** The names of the classes annotated with {@link EventType} in the packages and below, sorted. */
	static Set<String> scan(Collection<String> packages) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(EventType.class));
		Set<String> found = new TreeSet<>();
		for (String basePackage : packages) {
			for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
				found.add(String.valueOf(candidate.getBeanClassName()));
			}
		}
		return found;
	}

	/** The index's text: a comment line, then one class name per line. */
	static String write(Collection<String> classNames) {
		StringBuilder text = new StringBuilder("# @EventType classes found by ddd-persistence at build time\n");
		classNames.forEach((name) -> text.append(name).append('\n'));
		return text.toString();
	}

	/** The event classes listed in the index, or {@code null} when the class path has no index. */
	static @Nullable List<Class<?>> read(ClassLoader classLoader) {
		try (InputStream in = classLoader.getResourceAsStream(LOCATION)) {
			if (in == null) {
				return null;
			}
			List<Class<?>> classes = new ArrayList<>();
			for (String line : StreamUtils.copyToString(in, StandardCharsets.UTF_8).split("\n")) {
				String name = line.strip();
				if (!name.isEmpty() && !name.startsWith("#")) {
					classes.add(ClassUtils.resolveClassName(name, classLoader));
				}
			}
			return classes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + LOCATION, ex);
		}
	}

}
