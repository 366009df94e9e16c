package io.dddpersistence.sample.carts;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.dddpersistence.error.OptimisticConcurrencyException;
import io.dddpersistence.eventstore.EventSourcedRepository;
import io.dddpersistence.sample.web.IfMatch;
import io.dddpersistence.sample.web.NotFoundException;

/**
 * Carts: commands load the cart from its events, change it and append the new events;
 * {@code GET /carts/{id}} replays it, and {@code GET /cart-summaries} reads the projection (which
 * follows the event store within a moment).
 */
@WhenEventStoreEnabled
@RestController
class CartController {

	private final EventSourcedRepository<Cart> carts;

	private final CartSummaries summaries;

	CartController(EventSourcedRepository<Cart> carts, CartSummaries summaries) {
		this.carts = carts;
		this.summaries = summaries;
	}

	@PostMapping("/carts")
	ResponseEntity<CartView> open(@RequestBody NewCart request) {
		Cart cart = Cart.open(UUID.randomUUID().toString(), request.customer());
		this.carts.save(cart);
		return ResponseEntity.created(URI.create("/carts/" + cart.id())).body(CartView.of(cart));
	}

	@GetMapping("/carts/{id}")
	CartView get(@PathVariable String id) {
		return CartView.of(load(id));
	}

	@PostMapping("/carts/{id}/items")
	CartView add(@PathVariable String id, @RequestBody NewLine line,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return change(id, ifMatch, (cart) -> cart.add(line.sku(), line.quantity(), line.unitPrice()));
	}

	@DeleteMapping("/carts/{id}/items/{sku}")
	CartView remove(@PathVariable String id, @PathVariable String sku,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return change(id, ifMatch, (cart) -> cart.remove(sku));
	}

	@PostMapping("/carts/{id}/checkout")
	CartView checkOut(@PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return change(id, ifMatch, Cart::checkOut);
	}

	/** The projection: the customer's carts as the read model has them. */
	@GetMapping("/cart-summaries")
	List<CartSummaries.Summary> summaries(@RequestParam String customer) {
		return this.summaries.ofCustomer(Cart.requireText("customer", customer));
	}

	/**
	 * Loads the cart, runs the command and appends its events. A client that names the version it
	 * decided on ({@code If-Match}) gets a 409 when the cart moved on since; a change that lands
	 * between this load and the append fails the append the same way.
	 */
	private CartView change(String id, @Nullable String ifMatch, Consumer<Cart> command) {
		Cart cart = load(id);
		if (ifMatch != null) {
			long expected = IfMatch.version(ifMatch);
			if (expected != cart.version()) {
				throw new OptimisticConcurrencyException("Cart", id, expected, cart.version(), null);
			}
		}
		command.accept(cart);
		this.carts.save(cart);
		return CartView.of(cart);
	}

	@ExceptionHandler(Cart.CartClosedException.class)
	ProblemDetail refused(Cart.CartClosedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setType(URI.create("urn:ddd-persistence-sample:problem:cart-closed"));
		problem.setTitle("Cart closed");
		problem.setProperty("code", "cart-closed");
		return problem;
	}

	private Cart load(String id) {
		return this.carts.load(id).orElseThrow(() -> new NotFoundException("Cart", id));
	}

	record NewCart(String customer) {
	}

	record NewLine(String sku, int quantity, BigDecimal unitPrice) {
	}

	record CartView(String id, String customer, List<Cart.Line> lines, BigDecimal total, boolean checkedOut,
			long version) {

		static CartView of(Cart cart) {
			return new CartView(cart.id(), cart.customer(), cart.lines(), cart.total(), cart.checkedOut(),
					cart.version());
		}

	}

}
