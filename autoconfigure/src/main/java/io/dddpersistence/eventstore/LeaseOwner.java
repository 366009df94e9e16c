package io.dddpersistence.eventstore;

import java.io.IOException;
import java.net.InetAddress;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The name an application instance writes into the leases of its subscriptions: the configured
 * owner, or the host name with a random suffix so that two instances on one host never share one.
 */
final class LeaseOwner {

	private LeaseOwner() {
	}

	static String of(@Nullable String configured) {
		return (configured != null) ? configured : hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (IOException ex) {
			return "unknown-host";
		}
	}

}
