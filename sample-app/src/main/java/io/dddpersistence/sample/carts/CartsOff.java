package io.dddpersistence.sample.carts;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.dddpersistence.sample.web.FeatureOff;

/** Stands in for {@link CartController} while the event store is off, to say why and what to do. */
@RestController
@ConditionalOnBooleanProperty(name = "ddd.persistence.event-store.enabled", havingValue = false)
class CartsOff {

	@RequestMapping({ "/carts", "/carts/**", "/cart-summaries" })
	ProblemDetail off() {
		return FeatureOff.problem("Carts (event-sourced, with their projection)", "ddd.persistence.event-store.enabled");
	}

}
