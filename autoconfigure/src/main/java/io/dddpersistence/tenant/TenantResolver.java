package io.dddpersistence.tenant;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Resolves a web request's tenants, one per level, which the library binds as the
 * {@link TenantScope} for the request. The default reads one header per level
 * ({@code X-Tenant-Id} for the default level); declare a bean to read a JWT claim, a sub-domain
 * or a path segment instead. An empty map leaves the request without a tenant, so that
 * tenant-scoped operations fail closed.
 */
@FunctionalInterface
public interface TenantResolver {

	Map<String, String> resolve(HttpServletRequest request);

}
