package io.dddpersistence.tenant;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/** Binds the request's tenants from the {@link TenantResolver} for the whole request. */
public final class TenantRequestFilter extends OncePerRequestFilter {

	private final TenantResolver resolver;

	public TenantRequestFilter(TenantResolver resolver) {
		this.resolver = resolver;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Map<String, String> tenants = this.resolver.resolve(request);
		if (tenants.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		try {
			TenantScope.call(tenants, () -> {
				try {
					chain.doFilter(request, response);
				}
				catch (IOException | ServletException ex) {
					throw new FilterChainFailure(ex);
				}
				return null;
			});
		}
		catch (FilterChainFailure failure) {
			if (failure.getCause() instanceof IOException io) {
				throw io;
			}
			throw (ServletException) failure.getCause();
		}
	}

	private static final class FilterChainFailure extends RuntimeException {

		FilterChainFailure(Exception cause) {
			super(cause);
		}

	}

}
