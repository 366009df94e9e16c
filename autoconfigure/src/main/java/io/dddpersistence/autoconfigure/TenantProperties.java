package io.dddpersistence.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tenancy: how web requests name their tenant, and row-level security.
 */
@ConfigurationProperties("ddd.persistence.tenant")
public class TenantProperties {

	/**
	 * Request header that carries the tenant of the default level.
	 */
	private String header = "X-Tenant-Id";

	/**
	 * Request headers of further tenant levels, by level name (for example station: X-Station-Id).
	 */
	private Map<String, String> levelHeaders = new LinkedHashMap<>();

	/**
	 * Order of the servlet filter that binds the request's tenant; after Spring Security's filter
	 * chain by default, so that a resolver may read the authenticated principal.
	 */
	private int filterOrder = 0;

	/**
	 * Whether to add PostgreSQL row-level security policies to tenant-scoped tables and set the
	 * current tenant on the connection of every transaction, so that native SQL is filtered too.
	 */
	private boolean rowLevelSecurity = false;

	public String getHeader() {
		return this.header;
	}

	public void setHeader(String header) {
		this.header = header;
	}

	public Map<String, String> getLevelHeaders() {
		return this.levelHeaders;
	}

	public void setLevelHeaders(Map<String, String> levelHeaders) {
		this.levelHeaders = levelHeaders;
	}

	public int getFilterOrder() {
		return this.filterOrder;
	}

	public void setFilterOrder(int filterOrder) {
		this.filterOrder = filterOrder;
	}

	public boolean isRowLevelSecurity() {
		return this.rowLevelSecurity;
	}

	public void setRowLevelSecurity(boolean rowLevelSecurity) {
		this.rowLevelSecurity = rowLevelSecurity;
	}

}
