package io.dddpersistence.sample.orders;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.dddpersistence.sample.web.FeatureOff;

/** Stands in for {@link OrderController} while the outbox is off, to say why and what to do. */
@RestController
@ConditionalOnBooleanProperty(name = "ddd.persistence.outbox.enabled", havingValue = false)
class OrdersOff {

	@RequestMapping({ "/orders", "/orders/**" })
	ProblemDetail off() {
		return FeatureOff.problem("Orders (their events go through the outbox)", "ddd.persistence.outbox.enabled");
	}

}
