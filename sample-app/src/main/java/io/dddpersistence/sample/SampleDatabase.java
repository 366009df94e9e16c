package io.dddpersistence.sample;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Picks the sample's database before the configuration files are read, so that one of
 * {@code application-h2.yml} and {@code application-postgres.yml} applies: the {@code postgres}
 * profile when it is asked for or a datasource URL that is not H2's is given (for instance
 * {@code SPRING_DATASOURCE_URL}), the {@code h2} profile otherwise. A profile rather than a
 * default URL because the H2 configuration also switches off what does not run on H2 yet.
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
		String[] asked = StringUtils.commaDelimitedListToStringArray(environment.getProperty("spring.profiles.active"));
		if (isAsked(environment.getActiveProfiles()) || isAsked(asked)) {
			return;
		}
		environment.addActiveProfile(profileFor(environment.getProperty("spring.datasource.url")));
	}

	private static boolean isAsked(String[] profiles) {
		return Arrays.stream(profiles).map(String::trim).anyMatch((p) -> H2.equals(p) || POSTGRES.equals(p));
	}

	static String profileFor(@Nullable String url) {
		return (url == null || url.isBlank() || url.startsWith("jdbc:h2:")) ? H2 : POSTGRES;
	}

}
