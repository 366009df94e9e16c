package io.dddpersistence.owner;

import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The default owner and policy from Spring Security: the authenticated principal's name (none for
 * anonymous users), and every row for a principal holding one of the unrestricted authorities.
 */
final class SecurityOwners {

	private SecurityOwners() {
	}

	static Optional<String> principal() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| "anonymousUser".equals(authentication.getName())) {
			return Optional.empty();
		}
		return Optional.ofNullable(authentication.getName());
	}

	static boolean holdsAny(List<String> authorities) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return false;
		}
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			if (authorities.contains(authority.getAuthority())) {
				return true;
			}
		}
		return false;
	}

}
