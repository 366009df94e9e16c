package io.dddpersistence.tenant;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/** Resolves each tenant level from a request header, such as {@code X-Tenant-Id}. */
public final class HeaderTenantResolver implements TenantResolver {

	private final Map<String, String> headersByLevel;

	public HeaderTenantResolver(Map<String, String> headersByLevel) {
		this.headersByLevel = Map.copyOf(headersByLevel);
	}

	@Override
	public Map<String, String> resolve(HttpServletRequest request) {
		Map<String, String> tenants = new HashMap<>();
		this.headersByLevel.forEach((level, header) -> {
			String value = request.getHeader(header);
			if (value != null && !value.isBlank()) {
				tenants.put(level, value.trim());
			}
		});
		return tenants;
	}

}
