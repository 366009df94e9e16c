package io.dddpersistence.sample.stores;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.dddpersistence.repository.Listing;
import io.dddpersistence.repository.QueryOptions;
import io.dddpersistence.sample.web.NotFoundException;
import io.dddpersistence.spatial.SpatialSpecifications;
import io.dddpersistence.specification.SearchRequest;
import io.dddpersistence.specification.web.SearchFields;

/** Stores, and the stores near a point, nearest first. */
@RestController
@RequestMapping("/stores")
class StoreController {

	private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

	private final StoreRepository stores;

	StoreController(StoreRepository stores) {
		this.stores = stores;
	}

	@PostMapping
	ResponseEntity<StoreView> open(@RequestBody NewStore request) {
		Store store = this.stores.add(new Store(request.name(), request.city(), point(request.lon(), request.lat())));
		return ResponseEntity.created(URI.create("/stores/" + store.getId())).body(StoreView.of(store));
	}

	@GetMapping("/{id}")
	StoreView get(@PathVariable UUID id) {
		return StoreView.of(this.stores.get(id).orElseThrow(() -> new NotFoundException("Store", id)));
	}

	/** The stores within {@code radius} metres of a point, nearest first (at most {@code limit}). */
	@GetMapping("/near")
	List<StoreView> near(@RequestParam double lon, @RequestParam double lat, @RequestParam double radius,
			@RequestParam(defaultValue = "20") int limit) {
		Point here = point(lon, lat);
		Specification<Store> nearby = SpatialSpecifications.<Store>withinDistance("location", here, radius)
			.and(SpatialSpecifications.nearestFirst("location", here));
		return this.stores.search(nearby, QueryOptions.unpaged().withPage(0, limit))
			.list()
			.stream()
			.map(StoreView::of)
			.toList();
	}

	@GetMapping
	Listing<StoreView> list(@SearchFields(filter = { "name", "city", "location" }, sort = { "name", "city" })
			SearchRequest<Store> search) {
		return this.stores.search(search).listing(StoreView::of);
	}

	private static Point point(double lon, double lat) {
		return WGS84.createPoint(new Coordinate(lon, lat));
	}

	record NewStore(String name, String city, double lon, double lat) {
	}

	record StoreView(@Nullable UUID id, String name, String city, @Nullable Double lon, @Nullable Double lat) {

		static StoreView of(Store store) {
			Point location = store.getLocation();
			return new StoreView(store.getId(), store.getName(), store.getCity(),
					(location != null) ? location.getX() : null, (location != null) ? location.getY() : null);
		}

	}

}
