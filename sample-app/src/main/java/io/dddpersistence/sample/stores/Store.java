package io.dddpersistence.sample.stores;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.UuidGenerator;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Point;

import io.dddpersistence.spatial.SpatialColumn;
import io.dddpersistence.specification.Searchable;

/** A store and where it is: a WGS 84 point (longitude, latitude) with a GIST index. */
@Entity
@Table(name = "stores")
@Searchable(filter = { "name", "city", "location" }, sort = { "name", "city" })
public class Store {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	private @Nullable UUID id;

	private String name;

	private String city;

	@SpatialColumn(type = "POINT", srid = 4326)
	private @Nullable Point location;

	protected Store() {
		this.name = "";
		this.city = "";
	}

	public Store(String name, String city, Point location) {
		this.name = name;
		this.city = city;
		this.location = location;
	}

	public @Nullable UUID getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getCity() {
		return this.city;
	}

	public @Nullable Point getLocation() {
		return this.location;
	}

}
