package io.dddpersistence.web;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.dddpersistence.entity.fixtures.Invoice;
import io.dddpersistence.entity.fixtures.InvoiceRepository;

/** A web application on a real Tomcat with the library's web support, a tenant-scoped entity and a failing endpoint. */
@SpringBootConfiguration
@EnableAutoConfiguration
@EntityScan(basePackageClasses = Invoice.class)
@EnableJpaRepositories(basePackageClasses = InvoiceRepository.class)
class WebErrorsTestApplication {

	@RestController
	static class Endpoints {

		private final InvoiceRepository invoices;

		Endpoints(InvoiceRepository invoices) {
			this.invoices = invoices;
		}

		/** Reads a request parameter, which is when Tomcat parses (and may reject) the query string. */
		@GetMapping("/echo")
		String echo(@RequestParam(required = false) @Nullable String q) {
			return "q=" + q;
		}

		@PostMapping("/invoices")
		Long add(@RequestParam String number) {
			return this.invoices.save(new Invoice(number, BigDecimal.ONE)).getId();
		}

		@GetMapping("/invoices/count")
		long count() {
			return this.invoices.count();
		}

		@GetMapping("/boom")
		String boom() {
			throw new IllegalStateException("secret: connection to db-internal.example:5432 refused");
		}

	}

}
