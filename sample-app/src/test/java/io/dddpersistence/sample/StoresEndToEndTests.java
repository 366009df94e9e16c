package io.dddpersistence.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoresEndToEndTests extends EndToEndTests {

	// Around the Eiffel Tower; at this latitude 0.001 degree of longitude is about 73 m.
	private static final double LON = 2.2945;

	private static final double LAT = 48.8584;

	@Test
	void storesNearAPointComeNearestFirstWithinTheRadius() {
		String city = unique("paris");
		open("Far", city, LON + 0.05, LAT);        // about 3.7 km
		open("Near", city, LON + 0.001, LAT);      // about 73 m
		open("Middle", city, LON + 0.01, LAT);     // about 730 m

		Reply near = get("/stores/near?lon={lon}&lat={lat}&radius={r}", LON, LAT, 2000);
		assertThat(near.status()).isEqualTo(200);
		assertThat(names(near.body())).containsExactly("Near", "Middle");
		assertThat(get("/stores/near?lon={lon}&lat={lat}&radius={r}&limit=1", LON, LAT, 2000).body().size())
			.isEqualTo(1);
	}

	/** The web parameter and the repository's query options are held to one maximum, with one problem. */
	@Test
	void aPageAboveTheOneMaximumIsTheSameProblemFromTheWebAndFromTheRepository() {
		Reply web = get("/stores?size={size}", 101);
		Reply repository = get("/stores/near?lon={lon}&lat={lat}&radius={r}&limit={limit}", LON, LAT, 2000, 101);
		for (Reply refused : List.of(web, repository)) {
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.text("code")).isEqualTo("limit-exceeded");
			assertThat(refused.text("limit")).isEqualTo("max-page-size");
			assertThat(refused.text("parameter")).isEqualTo("size");
			assertThat(refused.body().path("maximum").asInt()).isEqualTo(100);
			assertThat(refused.body().path("actual").asInt()).isEqualTo(101);
		}
		assertThat(get("/stores?size={size}", 100).status()).isEqualTo(200);
	}

	@Test
	void theListFiltersByDistanceAndCity() {
		String city = unique("lyon");
		String id = open("Bellecour", city, 4.8320, 45.7578).text("id");
		open("Part-Dieu", city, 4.8590, 45.7606);

		Reply within = get("/stores?filter={f}", "location:within_distance:POINT(4.8320 45.7578)|500");
		assertThat(names(within.body().path("items"))).containsExactly("Bellecour");
		Reply byCity = get("/stores?filter={f}&sort={s}", "city:eq:" + city, "-name");
		assertThat(names(byCity.body().path("items"))).containsExactly("Part-Dieu", "Bellecour");
		assertThat(get("/stores/{id}", id).body().path("lon").asDouble()).isEqualTo(4.8320);
	}

	@Test
	void aBadDistanceFilterAnswers400() {
		Reply bad = get("/stores?filter={f}", "location:within_distance:POINT(oops)|500");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.text("title")).isEqualTo("Invalid search");
	}

	@Test
	void aRadiusOrPointThatIsNotAFiniteNumberAnswers400() {
		for (String query : List.of("lon=2.29&lat=48.86&radius=Infinity", "lon=2.29&lat=NaN&radius=500",
				"lon=2.29&lat=48.86&radius=NaN", "lon=-Infinity&lat=48.86&radius=500", "lon=2.29&lat=48.86&radius=-1")) {
			Reply bad = get("/stores/near?" + query);
			assertThat(bad.status()).as(query).isEqualTo(400);
			assertThat(bad.text("code")).as(query).isEqualTo("invalid-geometry");
			assertThat(bad.text("field")).as(query).isEqualTo("location");
		}
	}

	@Test
	void aFilterGeometryPostgisWouldFailOnAnswers400() {
		for (String filter : List.of("location:within:POINT(1e309 0)", "location:intersects:SRID=3857;POINT(0 0)",
				"location:within_distance:POINT(2.29 48.86)|-1")) {
			Reply bad = get("/stores?filter={f}", filter);
			assertThat(bad.status()).as(filter).isEqualTo(400);
			assertThat(bad.text("code")).as(filter).isEqualTo("invalid-value");
		}
	}

	private Reply open(String name, String city, double lon, double lat) {
		return post("/stores", Map.of("name", name, "city", city, "lon", lon, "lat", lat));
	}

	private static List<String> names(Iterable<tools.jackson.databind.JsonNode> stores) {
		List<String> names = new ArrayList<>();
		stores.forEach((store) -> names.add(store.path("name").asString()));
		return names;
	}

}
