package io.dddpersistence.specification;

import java.util.List;
import java.util.function.Supplier;

import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchLanguageIntegrationTests extends SearchIntegrationTest {

	@Autowired
	SearchLanguage search;

	@Autowired
	CustomerRepository customers;

	@Autowired
	PurchaseOrderRepository orders;

	@Autowired
	PlaceRepository places;

	@Autowired
	SiteRepository sites;

	@Autowired
	SearchTestApplication.StatementCounter statements;

	private List<String> names(String filter) {
		return this.customers.findAll(this.search.specification(Customer.class, filter), Sort.by("id"))
			.stream()
			.map(Customer::name)
			.toList();
	}

	private List<String> places(String filter) {
		return this.places.findAll(this.search.specification(Place.class, filter), Sort.by("id"))
			.stream()
			.map(Place::name)
			.toList();
	}

	@Test
	void comparisonOperatorsConvertTextToTheFieldType() {
		assertThat(names("status:eq:pending")).containsExactly("Bob");
		assertThat(names("status:ne:active")).containsExactly("Bob", "100%_real", "x'; drop table customer; --");
		assertThat(names("age:gt:30")).containsExactly("Bob", "x'; drop table customer; --");
		assertThat(names("age:gte:30")).containsExactly("Alice", "Bob", "x'; drop table customer; --");
		assertThat(names("age:lt:30")).containsExactly("100%_real");
		assertThat(names("age:lte:30")).containsExactly("Alice", "100%_real");
		assertThat(names("credit:between:5|20.00")).containsExactly("Bob", "100%_real");
		assertThat(names("age:in:30|41")).containsExactly("Alice", "Bob");
		assertThat(names("age:not_in:30|41")).containsExactly("100%_real", "x'; drop table customer; --");
		assertThat(names("vip:eq:true")).containsExactly("Alice");
		assertThat(names("created_at:gte:2024-02-01T10:00:00Z,created_at:lt:2024-04-01T12:00:00+01:00"))
			.containsExactly("Bob", "Carol", "100%_real");
		assertThat(names("birthday:lt:1985-01-01")).containsExactly("Bob");
		assertThat(names("external_id:eq:" + java.util.UUID.nameUUIDFromBytes("Carol".getBytes())))
			.containsExactly("Carol");
	}

	@Test
	void textOperatorsMatchWildcardsInValuesLiterally() {
		assertThat(names("name:like:A*")).containsExactly("Alice");
		assertThat(names("name:ilike:*LIC*")).containsExactly("Alice");
		assertThat(names("name:contains:%_")).containsExactly("100%_real");
		assertThat(names("name:contains:_")).containsExactly("100%_real");
		assertThat(names("name:starts_with:Ca")).containsExactly("Carol");
		assertThat(names("name:ends_with:ob")).containsExactly("Bob");
		assertThat(names("name:like:100%*")).containsExactly("100%_real");
		assertThat(names("name:like:1_0*")).isEmpty();
	}

	@Test
	void sqlFragmentsInValuesAreMatchedLiterally() {
		assertThat(names("name:eq:\"x'; drop table customer; --\"")).containsExactly("x'; drop table customer; --");
		assertThat(names("name:eq:x'; drop table customer; --")).containsExactly("x'; drop table customer; --");
		assertThat(names("name:eq:' or '1'='1")).isEmpty();
		assertThat(this.customers.count()).isEqualTo(5);
	}

	@Test
	void nullAndEmptyOperators() {
		assertThat(names("age:is_null")).containsExactly("Carol");
		assertThat(names("birthday:is_not_null")).containsExactly("Alice", "Bob");
		assertThat(names("address:is_null")).containsExactly("Carol", "x'; drop table customer; --");
		assertThat(names("tags:is_empty")).containsExactly("Bob", "100%_real", "x'; drop table customer; --");
		assertThat(names("tags:is_not_empty")).containsExactly("Alice", "Carol");
		assertThat(names("orders:is_empty")).containsExactly("Carol", "100%_real", "x'; drop table customer; --");
		assertThat(names("orders:is_not_empty")).containsExactly("Alice", "Bob");
	}

	@Test
	void groupsNestToAnyDepthWithinTheLimit() {
		assertThat(names("or(status:eq:pending,and(vip:eq:true,not(age:gt:35)))")).containsExactly("Alice", "Bob");
		assertThat(names("not(or(status:eq:active,status:eq:blocked))")).containsExactly("Bob");
		Filter built = Filter.field("status").eq(Customer.Status.PENDING)
			.or(Filter.field("vip").eq(true).and(Filter.field("age").lte(35)));
		assertThat(this.customers.findAll(this.search.specification(Customer.class, built))).extracting(Customer::name)
			.containsExactlyInAnyOrder("Alice", "Bob");
		assertThat(this.customers.findAll(this.search.specification(Customer.class, Filter.where("status", "eq", "pending"))))
			.extracting(Customer::name)
			.containsExactly("Bob");
	}

	@Test
	void toOnePathsUseLeftJoinsSoOrKeepsRowsWithoutTheAssociation() {
		assertThat(names("address.city:eq:Lyon")).containsExactly("Bob", "100%_real");
		assertThat(names("or(address.city:eq:Paris,age:is_null)")).containsExactly("Alice", "Carol");
		assertThat(this.orders.findAll(this.search.specification(PurchaseOrder.class, "total:gt:20")))
			.hasSize(2);
	}

	@Test
	void embeddedPathsFilterAndSort() {
		assertThat(names("contact.phone:eq:+33 1 3")).containsExactly("Bob");
		assertThat(this.customers.findAll(Specification.unrestricted(), this.search.sort(Customer.class, "-contact.phone,id")))
			.extracting(Customer::name)
			.containsExactly("100%_real", "Alice", "Carol", "Bob", "x'; drop table customer; --");
		rejected("contact.city:eq:Lyon", FieldNotAllowedException.class);
	}

	@Test
	void toManyPathsBecomeExistsSoRowsNeverRepeatAndCountsStayRight() {
		String widget = "orders.lines.product:eq:widget";
		assertThat(names(widget)).containsExactly("Alice");
		assertThat(this.customers.count(this.search.specification(Customer.class, widget))).isEqualTo(1);
		assertThat(this.customers.findAll(this.search.specification(Customer.class, "orders.total:gte:10"),
				org.springframework.data.domain.PageRequest.of(0, 10)).getTotalElements()).isEqualTo(2);
		assertThat(names("tags:in:gold|silver")).containsExactly("Alice", "Carol");
		assertThat(names("tags:starts_with:sil")).containsExactly("Carol");
		assertThat(names("not(orders.status:eq:paid)")).containsExactly("Bob", "Carol", "100%_real",
				"x'; drop table customer; --");
	}

	@Test
	void spatialOperatorsUsePostgis() {
		assertThat(places("location:within_distance:POINT(2.2945 48.8584)|5000")).containsExactly("Eiffel Tower",
				"Louvre");
		assertThat(places("location:within_distance:POINT(2.2945 48.8584)|1000")).containsExactly("Eiffel Tower");
		assertThat(places("location:within:2|48|3|49")).containsExactly("Eiffel Tower", "Louvre");
		assertThat(places("location:intersects:\"POLYGON((4 45,5 45,5 46,4 46,4 45))\"")).containsExactly("Lyon");
		assertThat(places("location:within:{\"type\":\"Polygon\",\"coordinates\":[[[2.3,48],[3,48],[3,49],[2.3,49],[2.3,48]]]}"))
			.containsExactly("Louvre");
	}

	@Test
	void userOperatorsJoinTheRegistry() {
		assertThat(names("age:even")).containsExactly("Alice", "100%_real", "x'; drop table customer; --");
	}

	@Test
	void jsonAndQueryStringFormsGiveTheSameTree() {
		Filter query = this.search.parse("status:eq:pending,or(credit:between:5|20.5,not(name:ilike:foo*)),age:in:41|2");
		Filter json = this.search.parse("""
				[{"field": "status", "op": "eq", "value": "pending"},
				 {"or": [{"field": "credit", "op": "between", "values": [5, 20.5]},
				         {"not": {"field": "name", "op": "ilike", "value": "foo*"}}]},
				 {"field": "age", "op": "in", "values": ["41", 2]}]""");
		assertThat(json).isEqualTo(query);
		assertThat(this.customers.count(this.search.specification(Customer.class, json))).isEqualTo(1);
	}

	@Test
	void sortsInBothCasesAndThroughToOneAssociations() {
		Sort sort = this.search.sort(Customer.class, "-created_at,name");
		assertThat(sort).isEqualTo(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("name")));
		assertThat(this.customers.findAll(Specification.unrestricted(), this.search.sort(Customer.class, "address.city,-age")))
			.extracting(Customer::name)
			.hasSize(5)
			.startsWith("Bob", "100%_real", "Alice");
	}

	@Test
	void keysetCursorsScrollThroughEveryRowOnce() {
		List<String> seen = new java.util.ArrayList<>();
		String after = null;
		do {
			SearchRequest<Customer> request = this.search.request(Customer.class,
					new SearchRequest.Parameters(null, "-age", null, "2", after), null);
			var window = this.customers.findBy(request.specification(),
					(q) -> q.sortBy(request.sort()).limit(request.size()).scroll(request.scrollPosition()));
			window.forEach((customer) -> seen.add(customer.name()));
			after = request.cursorAfter(window);
		}
		while (after != null);
		assertThat(seen).hasSize(5).doesNotHaveDuplicates();
	}

	// ---- bad input: each a typed error, and not one SQL statement

	private void rejected(ThrowableAssert.ThrowingCallable search, Class<? extends InvalidSearchException> type) {
		long before = this.statements.count();
		assertThatThrownBy(search).isInstanceOf(type);
		assertThat(this.statements.count()).as("statements sent").isEqualTo(before);
	}

	private void rejected(String filter, Class<? extends InvalidSearchException> type) {
		rejected(() -> this.customers.findAll(this.search.specification(Customer.class, filter)), type);
	}

	@Test
	void unknownFieldsAreRejected() {
		rejected("nope:eq:1", UnknownFieldException.class);
		rejected("address.nope:eq:1", UnknownFieldException.class);
		rejected("name.first:eq:1", UnknownFieldException.class);
	}

	@Test
	void fieldsOutsideTheWhitelistAreRejectedForFilterAndSort() {
		rejected("email:eq:a", FieldNotAllowedException.class);
		rejected("password_hash:eq:a", FieldNotAllowedException.class);
		rejected("address.street:eq:a", FieldNotAllowedException.class);
		rejected(() -> this.search.sort(Customer.class, "email"), FieldNotAllowedException.class);
		rejected(() -> this.orders.findAll(this.search.specification(PurchaseOrder.class, "customer.name:eq:Alice")),
				FieldNotAllowedException.class);
		rejected(() -> this.orders.findAll(this.search.specification(PurchaseOrder.class, "internal_note:eq:x")),
				FieldNotAllowedException.class);
		rejected(() -> this.orders.findAll(this.search.specification(PurchaseOrder.class, "api_token:eq:x")),
				FieldNotAllowedException.class);
		assertThat(this.orders.count(this.search.specification(PurchaseOrder.class, "status:eq:paid"))).isEqualTo(2);
	}

	@Test
	void unknownAndInapplicableOperatorsAreRejected() {
		rejected("name:sounds_like:x", UnknownOperatorException.class);
		rejected("age:ilike:4*", OperatorNotApplicableException.class);
		rejected("vip:gt:true", OperatorNotApplicableException.class);
		rejected("orders:eq:1", OperatorNotApplicableException.class);
		rejected("name:within_distance:POINT(1 2)|5", OperatorNotApplicableException.class);
	}

	@Test
	void valuesOfTheWrongTypeAreRejected() {
		rejected("age:eq:abc", InvalidValueException.class);
		rejected("external_id:eq:not-a-uuid", InvalidValueException.class);
		rejected("created_at:gt:yesterday", InvalidValueException.class);
		rejected("birthday:eq:2024-13-45", InvalidValueException.class);
		rejected("status:eq:sleeping", InvalidValueException.class);
		rejected("credit:gt:1e", InvalidValueException.class);
		rejected("age:between:1", InvalidValueException.class);
		rejected("age:is_null:1", InvalidValueException.class);
		rejected("age:eq", InvalidValueException.class);
		rejected(() -> this.search.specification(Customer.class, Filter.field("age").eq(null)),
				InvalidValueException.class);
		rejected("created_at:gt:+300000-01-01T00:00:00Z", InvalidValueException.class);
		rejected("birthday:gt:-9999-01-01", InvalidValueException.class);
		rejected("credit:gt:1e100000", InvalidValueException.class);
		rejected("name:eq:a\u0000b", InvalidValueException.class);
		rejected(() -> this.places.findAll(this.search.specification(Place.class, "location:within:POLYGON((1 2))")),
				InvalidValueException.class);
		rejected(() -> this.places.findAll(this.search.specification(Place.class, "location:within:1|2|3")),
				InvalidValueException.class);
		rejected(() -> this.places.findAll(this.search.specification(Place.class, "location:within:NaN|1|2|3")),
				InvalidValueException.class);
		rejected(() -> this.places.findAll(
				this.search.specification(Place.class, "location:within_distance:POINT(1 2)|Infinity")),
				InvalidValueException.class);
	}

	@Test
	void geometriesAndDistancesTheDatabaseWouldFailOnAreRejectedBeforeSql() {
		List<String> filters = new java.util.ArrayList<>(List.of("location:within:POINT(1e309 0)",
				"location:within:POINT(Infinity 0)", "location:intersects:POINT(0 NaN)",
				"location:within:{\"type\":\"Point\",\"coordinates\":[1e309,0]}",
				"location:intersects:{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}",
				"location:within:\"POLYGON((0 0,1 1,1 0,0 1,0 0))\"", "location:within_distance:POINT(1e309 0)|10",
				"location:within_distance:POINT(2.29 48.86)|-1", "location:within:-1e309|0|1|1"));
		for (String srid : List.of("0", "3857", "-1")) {
			filters.add("location:within:SRID=" + srid + ";POINT(0 0)");
			filters.add("location:intersects:SRID=" + srid + ";POINT(0 0)");
			filters.add("location:within_distance:SRID=" + srid + ";POINT(0 0)|10");
		}
		for (String filter : filters) {
			rejected(() -> this.places.findAll(this.search.specification(Place.class, filter)),
					InvalidValueException.class);
		}
		assertThatThrownBy(() -> this.search.specification(Place.class, "location:intersects:SRID=3857;POINT(0 0)"))
			.hasMessageContaining("SRID 4326")
			.hasMessageContaining("SRID 3857");
	}

	@Test
	void geometryValuesAreComparedInTheColumnsOwnSrid() {
		assertThat(sites("position:within_distance:SRID=3857;POINT(255400 6250800)|100")).containsExactly("Eiffel Tower");
		assertThat(sites("position:intersects:SRID=3857;POINT(538307 5741344)")).containsExactly("Lyon");
		// a box's coordinates are in the column's SRID
		assertThat(sites("position:within:250000|6200000|260000|6300000")).containsExactly("Eiffel Tower");
		// without an SRID a value is WGS 84, which this column does not hold: no transform is made
		rejected(() -> sites("position:within:POINT(2.2945 48.8584)"), InvalidValueException.class);
		assertThatThrownBy(() -> sites("position:within:POINT(2.2945 48.8584)")).hasMessageContaining("SRID 3857")
			.hasMessageContaining("SRID 4326");
	}

	private List<String> sites(String filter) {
		return this.sites.findAll(this.search.specification(Site.class, filter), Sort.by("id"))
			.stream()
			.map(Site::name)
			.toList();
	}

	@Test
	void malformedFiltersAreRejected() {
		rejected("{\"field\": \"name\", \"op\": ", MalformedFilterException.class);
		rejected("{\"field\": \"name\", \"op\": \"eq\", \"value\": null}", MalformedFilterException.class);
		rejected("{\"and\": {}}", MalformedFilterException.class);
		rejected("and(name:eq:a", MalformedFilterException.class);
		rejected("and(name:eq:a))", MalformedFilterException.class);
		rejected("name:eq:\"open", MalformedFilterException.class);
		rejected("name:", MalformedFilterException.class);
		rejected("name", MalformedFilterException.class);
		rejected("xor(name:eq:a)", MalformedFilterException.class);
		rejected("name:eq:a,", MalformedFilterException.class);
		rejected("", MalformedFilterException.class);
	}

	@Test
	void limitsAreEnforced() {
		rejected("or(and(or(and(or(name:eq:a)))))", SearchLimitExceededException.class);
		rejected(() -> this.search.specification(Customer.class,
				Filter.not(Filter.not(Filter.not(Filter.not(Filter.not(Filter.where("age", "is_null"))))))),
				SearchLimitExceededException.class);
		rejected("age:gt:1,".repeat(20) + "age:gt:1", SearchLimitExceededException.class);
		rejected("age:in:" + "1|".repeat(100) + "1", SearchLimitExceededException.class);
		rejected("orders.lines.order.status:eq:x", SearchLimitExceededException.class);
		rejected("name:eq:" + "x".repeat(4001), SearchLimitExceededException.class);
		rejected(() -> request(null, null, "0", "101", null), PageSizeExceededException.class);
		assertThat(names("or(and(or(name:eq:Alice)))")).containsExactly("Alice");
	}

	@Test
	void badPagesAndSortsAreRejected() {
		rejected(() -> request(null, null, "-1", "10", null), InvalidPageException.class);
		rejected(() -> request(null, null, "x", "10", null), InvalidPageException.class);
		rejected(() -> request(null, null, "0", "0", null), InvalidPageException.class);
		rejected(() -> request(null, null, "2147483647", "100", null), InvalidPageException.class);
		rejected(() -> request(null, "name", null, "10", "%%%"), InvalidPageException.class);
		rejected(() -> request(null, "name", null, "10", "bmFtZT1BbGljZQ"), InvalidPageException.class);
		rejected(() -> request(null, "age", null, "10", java.util.Base64.getUrlEncoder().encodeToString("age=old&id=1".getBytes())),
				InvalidPageException.class);
		rejected(() -> this.search.sort(Customer.class, "orders.total"), InvalidSortException.class);
		rejected(() -> this.search.sort(Customer.class, "address"), InvalidSortException.class);
		rejected(() -> this.search.sort(Customer.class, "name;drop"), InvalidSortException.class);
		rejected(() -> this.search.sort(Customer.class, "name,"), InvalidSortException.class);
	}

	private SearchRequest<Customer> request(String filter, String sort, String page, String size, String after) {
		return this.search.request(Customer.class, new SearchRequest.Parameters(filter, sort, page, size, after), null);
	}

	@Test
	void whitelistsNamingSensitiveOrMissingFieldsFailAtStartUp() {
		jakarta.persistence.metamodel.Metamodel metamodel = this.customers.findAll().isEmpty() ? null
				: entityManagerFactory().getMetamodel();
		Supplier<SearchLanguage> sensitive = () -> new SearchLanguage(metamodel, OperatorRegistry.standard(),
				new SearchConversionService(), SearchProperties.DEFAULTS, PageSizes.DEFAULTS,
				List.of(SearchableFields.of(Customer.class).filter("password_hash")));
		assertThatThrownBy(sensitive::get).isInstanceOf(IllegalStateException.class).hasMessageContaining("sensitive");
		Supplier<SearchLanguage> missing = () -> new SearchLanguage(metamodel, OperatorRegistry.standard(),
				new SearchConversionService(), SearchProperties.DEFAULTS, PageSizes.DEFAULTS,
				List.of(SearchableFields.of(Customer.class).sort("nope")));
		assertThatThrownBy(missing::get).isInstanceOf(IllegalStateException.class).hasMessageContaining("nope");
	}

	@Autowired
	jakarta.persistence.EntityManagerFactory emf;

	private jakarta.persistence.EntityManagerFactory entityManagerFactory() {
		return this.emf;
	}

}
