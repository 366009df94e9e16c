package io.dddpersistence.tenant;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import io.dddpersistence.error.AmbiguousTenantException;

/**
 * Binds the request's tenants from the {@link TenantResolver} for the whole request. A request
 * that names a tenant ambiguously ({@link AmbiguousTenantException}) is answered 400 and goes no
 * further.
 */
final class TenantRequestFilter extends OncePerRequestFilter {

	private final TenantResolver resolver;

	TenantRequestFilter(TenantResolver resolver) {
		this.resolver = resolver;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Map<String, String> tenants;
		try {
			tenants = this.resolver.resolve(request);
		}
		catch (AmbiguousTenantException ex) {
			refuse(request, response, ex);
			return;
		}
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

	/**
	 * Answers 400 without running the rest of the chain, so nothing is read or written. The error
	 * goes through the container's error page ({@code /error}), which renders it as a problem
	 * detail; it is the client's mistake, so it is logged at debug only.
	 */
	private void refuse(HttpServletRequest request, HttpServletResponse response, AmbiguousTenantException ex)
			throws IOException {
		if (this.logger.isDebugEnabled()) {
			this.logger.debug("Refused a request: " + ex.getMessage());
		}
		request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, ex);
		response.sendError(HttpServletResponse.SC_BAD_REQUEST, ex.getMessage());
	}

	private static final class FilterChainFailure extends RuntimeException {

		FilterChainFailure(Exception cause) {
			super(cause);
		}

	}

}
