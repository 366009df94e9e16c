package io.dddpersistence.web;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The library's web answers: whether its exceptions and the container's error page are answered as
 * RFC 9457 problem details. The one place where each setting and its default are written.
 *
 * @param problemDetails Problem details for the library's exceptions and the error page.
 */
@ConfigurationProperties(WebProperties.PREFIX)
public record WebProperties(@DefaultValue ProblemDetails problemDetails) {

	static final String PREFIX = "ddd.persistence.web";

	/** Every setting at its default, bound from no source at all, so the defaults are written once. */
	public static final WebProperties DEFAULTS = defaults();

	/**
	 * Problem details for the library's exceptions and the error page.
	 *
	 * @param enabled Whether to answer the library's exceptions, the error page (/error) and Tomcat's own error report as RFC 9457 problem details.
	 */
	public record ProblemDetails(@DefaultValue("true") boolean enabled) {

	}

	private static WebProperties defaults() {
		Binder none = new Binder(new MapConfigurationPropertySource(Map.of()));
		return none.bindOrCreate(PREFIX, Bindable.of(WebProperties.class));
	}

}
