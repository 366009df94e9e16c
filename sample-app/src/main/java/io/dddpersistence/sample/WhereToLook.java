package io.dddpersistence.sample;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tells whoever started the sample which database it runs on, what is off there, and where to
 * point a browser or curl.
 */
@Component
class WhereToLook implements ApplicationListener<WebServerInitializedEvent> {

	private static final Log logger = LogFactory.getLog(WhereToLook.class);

	private final Environment environment;

	WhereToLook(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		String base = "http://localhost:" + event.getWebServer().getPort();
		List<String> lines = new ArrayList<>(List.of("", "", "  The marketplace sample is up at " + base));
		lines.addAll(database());
		lines.addAll(List.of(
				"  Walk through the features with sample-app/requests.http (curl: sample-app/README.md), for instance:",
				"    curl -s -X POST " + base
						+ "/products -H 'X-Tenant-Id: acme' -H 'Content-Type: application/json' -d '{\"name\":\"Kettle\",\"category\":\"kitchen\",\"price\":29.90}'",
				"    curl -s -H 'X-Tenant-Id: acme' '" + base + "/products?filter=category:eq:kitchen&sort=-price'",
				"    curl -s '" + base + "/stores/near?lon=2.2945&lat=48.8584&radius=2000'",
				"    curl -s " + base + "/actuator/health", ""));
		logger.info(String.join(System.lineSeparator(), lines));
	}

	private List<String> database() {
		String url = this.environment.getProperty("spring.datasource.url", "");
		if (!url.startsWith("jdbc:h2:")) {
			return List.of("  Database: " + withoutParameters(url));
		}
		List<String> off = new ArrayList<>();
		if (!isOn("ddd.persistence.outbox.enabled")) {
			off.add("orders and their outbox events (/orders, /actuator/outbox)");
		}
		if (!isOn("ddd.persistence.event-store.enabled")) {
			off.add("the event-sourced carts and their projection (/carts, /cart-summaries)");
		}
		List<String> lines = new ArrayList<>(List.of("  Database: embedded H2 with H2GIS (" + withoutParameters(url)
				+ ", in memory: empty at every start)"));
		if (!off.isEmpty()) {
			lines.add("  Switched off by configuration: "
					+ String.join("; ", off) + ".");
			lines.add("  They run on H2 as on PostgreSQL: remove that setting to turn them on again.");
		}
		return lines;
	}

	private boolean isOn(String property) {
		return this.environment.getProperty(property, Boolean.class, true);
	}

	private static String withoutParameters(String url) {
		int parameters = url.indexOf((url.startsWith("jdbc:h2:")) ? ';' : '?');
		return (parameters < 0) ? url : url.substring(0, parameters);
	}

}
