package io.dddpersistence.tenant;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.dddpersistence.error.AmbiguousTenantException;

/**
 * Resolves each tenant level from a request header, such as {@code X-Tenant-Id}. A value is
 * trimmed, and a blank one counts as absent. A header sent twice, or with a comma (how HTTP joins
 * repeated headers), names more than one tenant: it fails with an {@link AmbiguousTenantException}
 * rather than picking one, since a proxy that appends its header would otherwise let the client's
 * own header win.
 */
final class HeaderTenantResolver implements TenantResolver {

	private final Map<String, String> headersByLevel;

	HeaderTenantResolver(Map<String, String> headersByLevel) {
		this.headersByLevel = Map.copyOf(headersByLevel);
	}

	@Override
	public Map<String, String> resolve(HttpServletRequest request) {
		Map<String, String> tenants = new HashMap<>();
		this.headersByLevel.forEach((level, header) -> {
			List<String> values = Collections.list(request.getHeaders(header))
				.stream()
				.filter((value) -> !value.isBlank())
				.toList();
			if (values.size() > 1 || (values.size() == 1 && values.get(0).indexOf(',') >= 0)) {
				throw new AmbiguousTenantException(header, level);
			}
			if (values.size() == 1) {
				tenants.put(level, values.get(0).trim());
			}
		});
		return tenants;
	}

}
