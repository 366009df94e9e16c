package io.dddpersistence.entity;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The principal Spring Security authenticated for the current thread; none for anonymous users. */
final class SecurityContextPrincipal implements CurrentPrincipal {

	@Override
	public @Nullable String name() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| "anonymousUser".equals(authentication.getName())) {
			return null;
		}
		return authentication.getName();
	}

}
