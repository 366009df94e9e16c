package io.dddpersistence.sample;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Picks the sample's database before the configuration files are read, so that one of
 * {@code application-h2.yml} and {@code application-postgres.yml} applies: the {@code postgres}
 * profile when it is asked for or a datasource URL that is not H2's is given (for instance
 * {@code SPRING_DATASOURCE_URL}), the {@code h2} profile otherwise. A profile rather than a
 * default URL so that each database's settings (URL, user, password) live in a file of their own;
 * every feature of the sample runs on both.
 */
class SampleDatabase implements EnvironmentPostProcessor, Ordered {

	static final String H2 = "h2";

	static final String POSTGRES = "postgres";

	@Override
	public int getOrder() {
		// before the configuration files are read, so that the profile's own file is among them
		return ConfigDataEnvironmentPostProcessor.ORDER - 1;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		// asked for by property (as a list: the test framework writes spring.profiles.active[0]),
		// programmatically, or through SpringApplication
		Set<String> asked = new HashSet<>(Binder.get(environment)
			.bind("spring.profiles.active", Bindable.setOf(String.class))
			.orElse(Set.of()));
		asked.addAll(Arrays.asList(environment.getActiveProfiles()));
		asked.addAll(application.getAdditionalProfiles());
		if (asked.contains(H2) || asked.contains(POSTGRES)) {
			return;
		}
		environment.addActiveProfile(profileFor(environment.getProperty("spring.datasource.url")));
	}

	private static String profileFor(@Nullable String url) {
		return (url == null || url.isBlank() || url.startsWith("jdbc:h2:")) ? H2 : POSTGRES;
	}

}
