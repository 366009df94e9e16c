package io.dddpersistence.outbox;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class PublisherValueHintsTests {

	@Test
	void theIdeOffersExactlyThePublishersTheSettingsAccept() throws Exception {
		try (InputStream in = getClass().getClassLoader()
			.getResourceAsStream("META-INF/additional-spring-configuration-metadata.json")) {
			JsonNode hints = JsonMapper.shared().readTree(in).get("hints");
			List<String> values = new ArrayList<>();
			for (JsonNode hint : hints) {
				if (hint.get("name").asString().equals("ddd.persistence.outbox.publisher")) {
					hint.get("values").forEach((value) -> values.add(value.get("value").asString()));
				}
			}
			assertThat(values).isEqualTo(OutboxProperties.PUBLISHERS);
		}
	}

}
