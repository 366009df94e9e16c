package io.dddpersistence.error;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * A request named its tenant more than once: two {@code X-Tenant-Id} headers, or one header with
 * comma-separated values, as a proxy that appends its header instead of replacing it sends. The
 * library does not pick one (the first could be the client's choice), so the request is refused
 * before anything is read or written: send the tenant header exactly once.
 */
public class AmbiguousTenantException extends InvalidDataAccessApiUsageException {

	private final String header;

	private final String level;

	/** The tenant of the given level was named more than once by the given header. */
	public AmbiguousTenantException(String header, String level) {
		super("The tenant header '" + header + "' was sent with more than one value; send it exactly once"
				+ ("tenant".equals(level) ? "" : " (tenant level '" + level + "')") + ".");
		this.header = header;
		this.level = level;
	}

	/** The header that named more than one tenant. */
	public String getHeader() {
		return this.header;
	}

	/** The tenant level the header is for. */
	public String getLevel() {
		return this.level;
	}

}
