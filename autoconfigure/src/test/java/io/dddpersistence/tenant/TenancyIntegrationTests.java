package io.dddpersistence.tenant;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.dddpersistence.entity.fixtures.Booking;
import io.dddpersistence.entity.fixtures.BookingRepository;
import io.dddpersistence.entity.fixtures.Document;
import io.dddpersistence.entity.fixtures.DocumentRepository;
import io.dddpersistence.entity.fixtures.Invoice;
import io.dddpersistence.entity.fixtures.InvoiceLine;
import io.dddpersistence.entity.fixtures.InvoiceLineRepository;
import io.dddpersistence.entity.fixtures.InvoiceRepository;
import io.dddpersistence.entity.fixtures.TraitsTestApplication;
import io.dddpersistence.error.CrossTenantAccessException;
import io.dddpersistence.error.MissingTenantException;
import io.dddpersistence.test.FreshDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = TraitsTestApplication.class, properties = "spring.jpa.hibernate.ddl-auto=create")
@FreshDatabase
class TenancyIntegrationTests {

	@Autowired
	InvoiceRepository invoices;

	@Autowired
	InvoiceLineRepository lines;

	@Autowired
	BookingRepository bookings;

	@Autowired
	DocumentRepository documents;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@PersistenceContext
	EntityManager entityManager;

	@Test
	void insertFillsTheTenantColumnFromTheCurrentTenant() {
		Invoice saved = TenantScope.call("acme", () -> this.invoices.save(new Invoice(number(), BigDecimal.TEN)));
		assertThat(saved.getTenantId()).isEqualTo("acme");
		assertThat(this.jdbc.queryForObject("select tenant_id from invoices where id = ?", String.class, saved.getId()))
			.isEqualTo("acme");
	}

	@Test
	void withoutATenantNothingIsReadOrWritten() {
		long before = this.jdbc.queryForObject("select count(*) from invoices", Long.class);
		assertThatThrownBy(() -> this.invoices.save(new Invoice(number(), BigDecimal.ONE)))
			.isInstanceOf(MissingTenantException.class);
		assertThat(this.jdbc.queryForObject("select count(*) from invoices", Long.class)).isEqualTo(before);
		assertThatThrownBy(() -> this.invoices.findAll()).isInstanceOf(MissingTenantException.class);
		assertThatThrownBy(() -> this.invoices.findById(1L)).isInstanceOf(MissingTenantException.class);
		assertThatThrownBy(() -> this.invoices.count()).isInstanceOf(MissingTenantException.class);
	}

	@Test
	void entitiesWithoutTenantColumnsNeedNoTenant() {
		Document document = this.documents.save(new Document("t-" + UUID.randomUUID(), "no tenant needed"));
		assertThat(this.documents.findById(document.getId())).isPresent();
	}

	@Test
	void aRowOfOneTenantIsInvisibleToAnotherOnEveryReadPath() {
		String number = number();
		Invoice mine = TenantScope.call("tenant-a", () -> this.invoices.save(new Invoice(number, BigDecimal.TEN)));
		TenantScope.run("tenant-a", () -> this.lines.save(new InvoiceLine(mine, "line")));
		TenantScope.run("tenant-b", () -> {
			assertThat(this.invoices.findById(mine.getId())).isEmpty();
			assertThat(this.invoices.existsById(mine.getId())).isFalse();
			assertThat(this.invoices.findByNumber(number)).isEmpty();
			assertThat(this.invoices.findByNumberPrefix(number)).isEmpty();
			assertThat(this.invoices.findAll((root, query, cb) -> cb.equal(root.get("number"), number))).isEmpty();
			assertThat(this.invoices.findAll(PageRequest.of(0, 100)).getContent()).extracting(Invoice::getTenantId)
				.doesNotContain("tenant-a");
			assertThat(this.invoices.findAllById(List.of(mine.getId()))).isEmpty();
			assertThatThrownBy(() -> new TransactionTemplate(this.transactionManager)
				.execute((status) -> this.invoices.getReferenceById(mine.getId()).getNumber()))
				.isInstanceOf(jakarta.persistence.EntityNotFoundException.class);
		});
		TenantScope.run("tenant-a", () -> {
			assertThat(this.invoices.findById(mine.getId())).isPresent();
			int lineCount = new TransactionTemplate(this.transactionManager)
				.execute((status) -> this.invoices.findById(mine.getId()).orElseThrow().getLines().size());
			assertThat(lineCount).isEqualTo(1);
		});
	}

	@Test
	void aRowOfOneTenantCannotBeUpdatedOrDeletedFromAnother() {
		String number = number();
		Invoice mine = TenantScope.call("tenant-a", () -> this.invoices.save(new Invoice(number, BigDecimal.TEN)));
		mine.setAmount(BigDecimal.ZERO);
		assertThatThrownBy(() -> TenantScope.run("tenant-b", () -> this.invoices.save(mine)))
			.isInstanceOf(CrossTenantAccessException.class);
		TenantScope.run("tenant-b", () -> {
			this.invoices.deleteById(mine.getId());
			assertThat(this.invoices.bulkSetAmount(number, BigDecimal.ONE)).isZero();
			assertThat(this.invoices.bulkDelete(number)).isZero();
		});
		Map<String, Object> row = this.jdbc.queryForMap("select tenant_id, amount from invoices where id = ?", mine.getId());
		assertThat(row.get("tenant_id")).isEqualTo("tenant-a");
		assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo("10");
	}

	@Test
	void anEntityLoadedUnderOneTenantCannotBeChangedUnderAnother() {
		Invoice mine = TenantScope.call("tenant-a", () -> this.invoices.save(new Invoice(number(), BigDecimal.TEN)));
		assertThatThrownBy(() -> new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			Invoice loaded = TenantScope.call("tenant-a", () -> this.entityManager.find(Invoice.class, mine.getId()));
			loaded.setAmount(BigDecimal.ONE);
			TenantScope.run("tenant-b", () -> this.entityManager.flush());
		})).isInstanceOf(CrossTenantAccessException.class);
	}

	@Test
	void twoTenantLevelsOnOneEntityAreBothEnforced() {
		Booking booking = TenantScope.call(Map.of("tenant", "biz-1", "station", "st-1"),
				() -> this.bookings.save(new Booking("ann")));
		assertThat(booking.getBusinessId()).isEqualTo("biz-1");
		assertThat(booking.getStationId()).isEqualTo("st-1");
		assertThat(TenantScope.call(Map.of("tenant", "biz-1", "station", "st-2"),
				() -> this.bookings.findById(booking.getId()))).isEmpty();
		assertThat(TenantScope.call(Map.of("tenant", "biz-2", "station", "st-1"),
				() -> this.bookings.findById(booking.getId()))).isEmpty();
		assertThat(TenantScope.call(Map.of("tenant", "biz-1", "station", "st-1"),
				() -> this.bookings.findById(booking.getId()))).isPresent();
		assertThatThrownBy(() -> TenantScope.run("biz-1", () -> this.bookings.findById(booking.getId())))
			.isInstanceOf(MissingTenantException.class);
	}

	private static String number() {
		return "INV-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
