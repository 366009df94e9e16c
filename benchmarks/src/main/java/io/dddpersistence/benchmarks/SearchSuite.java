package io.dddpersistence.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.dddpersistence.benchmarks.search.BenchOrder;
import io.dddpersistence.benchmarks.search.BenchOrderRepository;
import io.dddpersistence.benchmarks.search.SearchBenchmarkApplication;
import io.dddpersistence.specification.SearchLanguage;
import io.dddpersistence.specification.SearchRequest;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.domain.Specification;

/**
 * The search suite: the search language against the same query written with the Criteria API, and
 * a deep page by keyset against the same page by offset, on 200,000 rows.
 */
public class SearchSuite implements Suite {

	private static final int ROWS = 200_000;

	private static final int DEEP_OFFSET = 150_000;

	private static final int PAGE_SIZE = 20;

	private static final String FILTER = "status:eq:open,total:gte:100,region:in:eu|us";

	private static final String SORT = "-created_at";

	@Override
	public void run(Figures figures) throws Exception {
		BenchmarkDatabase database = BenchmarkDatabase.create();
		fill(database);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SearchBenchmarkApplication.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password(), "spring.jpa.hibernate.ddl-auto=none",
					"spring.jpa.open-in-view=false", "spring.flyway.enabled=false", "spring.main.banner-mode=off",
					"logging.level.root=warn")
			.run()) {
			SearchLanguage search = context.getBean(SearchLanguage.class);
			BenchOrderRepository orders = context.getBean(BenchOrderRepository.class);
			languageVersusCriteria(figures, search, orders);
			keysetVersusOffset(figures, search, orders);
			repositoryFigures(figures, context, database);
		}
	}

	/** Filter on three fields, sort, page 5 of 20 with its total: parsed and checked every time vs hand-written. */
	private static void languageVersusCriteria(Figures figures, SearchLanguage search, BenchOrderRepository orders)
			throws Exception {
		int queries = 20;
		Interleaved.Work language = () -> {
			long total = 0;
			for (int i = 0; i < queries; i++) {
				SearchRequest<BenchOrder> request = search.request(BenchOrder.class,
						new SearchRequest.Parameters(FILTER, SORT, "5", String.valueOf(PAGE_SIZE), null), null);
				total += orders.findAll(request.specification(), request.pageable()).getNumberOfElements();
			}
			return check(total, queries);
		};
		Interleaved.Work criteria = () -> {
			long total = 0;
			for (int i = 0; i < queries; i++) {
				Specification<BenchOrder> specification = (root, query, cb) -> cb.and(
						cb.equal(root.get("status"), "open"),
						cb.greaterThanOrEqualTo(root.<BigDecimal>get("total"), new BigDecimal("100")),
						root.get("region").in(List.of("eu", "us")));
				Page<BenchOrder> page = orders.findAll(specification,
						PageRequest.of(5, PAGE_SIZE, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"))));
				total += page.getNumberOfElements();
			}
			return check(total, queries);
		};
		Interleaved.Result result = Interleaved.measure(5, 15, language, criteria);
		figures.print("language_vs_criteria_ratio", result.medianRatio(), "x");
		int builds = 20_000;
		long start = System.nanoTime();
		for (int i = 0; i < builds; i++) {
			search.request(BenchOrder.class,
					new SearchRequest.Parameters(FILTER, SORT, "5", String.valueOf(PAGE_SIZE), null), null);
		}
		figures.note(String.format("parsing and checking filter, sort and page alone: %.1f us per request",
				(System.nanoTime() - start) / 1e3 / builds));
		figures.note(String.format("language %.3f ms/query, criteria %.3f ms/query (median of 15 rounds of %d queries; "
				+ "filter %s, sort %s, page 5 of %d with count, %d rows)", result.medianSecondsA() * 1000 / queries,
				result.medianSecondsB() * 1000 / queries, queries, FILTER, SORT, PAGE_SIZE, ROWS));
	}

	private static long check(long rows, int queries) {
		if (rows != (long) queries * PAGE_SIZE) {
			throw new IllegalStateException("Expected full pages but got " + rows + " rows");
		}
		return queries;
	}

	/** The page at offset 150,000 of 200,000 ordered by created_at: keyset cursor vs offset. */
	private static void keysetVersusOffset(Figures figures, SearchLanguage search, BenchOrderRepository orders)
			throws Exception {
		SearchRequest<BenchOrder> first = search.request(BenchOrder.class,
				new SearchRequest.Parameters(null, "created_at", null, String.valueOf(PAGE_SIZE), null), null);
		Window<BenchOrder> byOffset = orders.findBy(first.specification(), (q) -> q.sortBy(first.sort())
			.limit(PAGE_SIZE)
			.scroll(ScrollPosition.offset(DEEP_OFFSET - 1)));
		BenchOrder before = orders.findBy(first.specification(), (q) -> q.sortBy(first.sort())
			.limit(1)
			.scroll(ScrollPosition.offset(DEEP_OFFSET - 2))).getContent().get(0);
		Map<String, Object> keys = new LinkedHashMap<>();
		keys.put("createdAt", createdAt(before));
		keys.put("id", before.getId());
		String cursor = search.cursor(ScrollPosition.forward(keys));
		SearchRequest<BenchOrder> deep = search.request(BenchOrder.class,
				new SearchRequest.Parameters(null, "created_at", null, String.valueOf(PAGE_SIZE), cursor), null);
		Window<BenchOrder> byKeyset = orders.findBy(deep.specification(),
				(q) -> q.sortBy(deep.sort()).limit(PAGE_SIZE).scroll(deep.scrollPosition()));
		List<Long> offsetIds = byOffset.map(BenchOrder::getId).getContent();
		List<Long> keysetIds = byKeyset.map(BenchOrder::getId).getContent();
		if (!offsetIds.equals(keysetIds) || offsetIds.size() != PAGE_SIZE) {
			throw new IllegalStateException("Keyset and offset pages differ: " + keysetIds + " vs " + offsetIds);
		}
		int queries = 5;
		Interleaved.Work keyset = () -> {
			for (int i = 0; i < queries; i++) {
				SearchRequest<BenchOrder> request = search.request(BenchOrder.class,
						new SearchRequest.Parameters(null, "created_at", null, String.valueOf(PAGE_SIZE), cursor), null);
				orders.findBy(request.specification(),
						(q) -> q.sortBy(request.sort()).limit(PAGE_SIZE).scroll(request.scrollPosition()));
			}
			return queries;
		};
		Interleaved.Work offset = () -> {
			for (int i = 0; i < queries; i++) {
				orders.findBy(first.specification(),
						(q) -> q.sortBy(first.sort()).limit(PAGE_SIZE).scroll(ScrollPosition.offset(DEEP_OFFSET - 1)));
			}
			return queries;
		};
		Interleaved.Result result = Interleaved.measure(3, 11, keyset, offset);
		figures.print("keyset_speedup_deep_page", result.medianRatio(), "x");
		figures.note(String.format("keyset %.2f ms, offset %.2f ms per page at offset %d of %d (median of 11 rounds)",
				result.medianSecondsA() * 1000 / queries, result.medianSecondsB() * 1000 / queries, DEEP_OFFSET, ROWS));
	}

	private static Instant createdAt(BenchOrder order) {
		try {
			java.lang.reflect.Field field = BenchOrder.class.getDeclaredField("createdAt");
			field.setAccessible(true);
			return (Instant) field.get(order);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/*
	 * ==== HOOK for the lead (repository work, issue 3) ====
	 * Add here the figures search.add_ratio_vs_raw_jdbc (add of 10,000 entities in one unit of work vs
	 * a raw JDBC batch insert, rows/s) and search.mapping_overhead_us_per_entity (domain-type mapping on
	 * vs off), using the same application context and database as the search figures above.
	 */
	private static void repositoryFigures(Figures figures, ConfigurableApplicationContext context,
			BenchmarkDatabase database) {
		try {
			io.dddpersistence.benchmarks.search.RepositoryAddBenchmark.run(figures);
		}
		catch (Exception ex) {
			throw new IllegalStateException("repository add benchmark failed", ex);
		}
	}

	private static void fill(BenchmarkDatabase database) throws Exception {
		database.execute("CREATE TABLE bench_order (id bigint PRIMARY KEY, status varchar(16) NOT NULL, "
				+ "region varchar(8) NOT NULL, total numeric(12,2) NOT NULL, created_at timestamptz NOT NULL)");
		String[] statuses = { "open", "paid", "shipped", "cancelled" };
		String[] regions = { "eu", "us", "apac", "latam" };
		Random random = new Random(7);
		Instant start = Instant.parse("2024-01-01T00:00:00Z");
		try (Connection connection = database.connect();
				PreparedStatement insert = connection.prepareStatement(
						"INSERT INTO bench_order (id, status, region, total, created_at) VALUES (?, ?, ?, ?, ?)")) {
			connection.setAutoCommit(false);
			for (int i = 1; i <= ROWS; i++) {
				insert.setLong(1, i);
				insert.setString(2, statuses[random.nextInt(statuses.length)]);
				insert.setString(3, regions[random.nextInt(regions.length)]);
				insert.setBigDecimal(4, BigDecimal.valueOf(random.nextInt(50_000), 2));
				insert.setTimestamp(5, Timestamp.from(start.plusSeconds(random.nextInt(30_000_000))));
				insert.addBatch();
				if (i % 5_000 == 0) {
					insert.executeBatch();
				}
			}
			connection.commit();
		}
		database.execute("CREATE INDEX ix_bench_order_created_at ON bench_order (created_at, id)");
		database.execute("CREATE INDEX ix_bench_order_status_region ON bench_order (status, region, total)");
		database.execute("ANALYZE bench_order");
		try (Connection connection = database.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT count(*) FROM bench_order")) {
			rows.next();
			if (rows.getLong(1) != ROWS) {
				throw new IllegalStateException("Expected " + ROWS + " rows");
			}
		}
	}


}
