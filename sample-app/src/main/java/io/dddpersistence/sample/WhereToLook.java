package io.dddpersistence.sample;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the sample where to point a browser or curl. */
@Component
class WhereToLook implements ApplicationListener<WebServerInitializedEvent> {

	private static final Log logger = LogFactory.getLog(WhereToLook.class);

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		String base = "http://localhost:" + event.getWebServer().getPort();
		logger.info(String.join(System.lineSeparator(), "", "", "  The marketplace sample is up at " + base,
				"  Walk through the features with sample-app/requests.http (curl: sample-app/README.md), for instance:",
				"    curl -s -X POST " + base
						+ "/products -H 'X-Tenant-Id: acme' -H 'Content-Type: application/json' -d '{\"name\":\"Kettle\",\"category\":\"kitchen\",\"price\":29.90}'",
				"    curl -s -H 'X-Tenant-Id: acme' '" + base + "/products?filter=category:eq:kitchen&sort=-price'",
				"    curl -s '" + base + "/stores/near?lon=2.2945&lat=48.8584&radius=2000'",
				"    curl -s " + base + "/actuator/health",
				""));
	}

}
