package io.dddpersistence.tenant;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Tenancy: how web requests name their tenant, and row-level security. The one place where each
 * setting, its default and its rule are written; a bad value fails at start-up with a message that
 * names the property as it is written in {@code application.yml}.
 *
 * @param header Request header that carries the tenant of the default level.
 * @param levelHeaders Request headers of further tenant levels, by level name (for example station: X-Station-Id).
 * @param filterOrder Order of the servlet filter that binds the request's tenant; after Spring Security's filter chain by default, so that a resolver may read the authenticated principal.
 * @param rowLevelSecurity Whether to add PostgreSQL row-level security policies to tenant-scoped tables and set the current tenant on the connection of every transaction, so that native SQL is filtered too.
 */
@ConfigurationProperties(TenantProperties.PREFIX)
public record TenantProperties(@DefaultValue("X-Tenant-Id") String header,
		@DefaultValue Map<String, String> levelHeaders, @DefaultValue("0") int filterOrder,
		@DefaultValue("false") boolean rowLevelSecurity) {

	static final String PREFIX = "ddd.persistence.tenant";

	/** Every setting at its default, bound from no source at all, so the defaults are written once. */
	public static final TenantProperties DEFAULTS = defaults();

	public TenantProperties {
		if (header.isBlank()) {
			throw new IllegalArgumentException(PREFIX + ".header must name a request header, not '" + header + "'");
		}
		levelHeaders.forEach((level, name) -> {
			if (name.isBlank()) {
				throw new IllegalArgumentException(
						PREFIX + ".level-headers." + level + " must name a request header, not '" + name + "'");
			}
		});
		levelHeaders = Map.copyOf(levelHeaders);
	}

	/** The request header of each tenant level, the default level's included. */
	Map<String, String> headersByLevel() {
		Map<String, String> headers = new LinkedHashMap<>(this.levelHeaders);
		headers.put(TenantColumn.DEFAULT_LEVEL, this.header);
		return headers;
	}

	private static TenantProperties defaults() {
		Binder none = new Binder(new MapConfigurationPropertySource(Map.of()));
		return none.bindOrCreate(PREFIX, Bindable.of(TenantProperties.class));
	}

}
