package io.dddpersistence.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.dddpersistence.patch.MergePatcher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cost of applying a 10-field merge patch through the whitelist ({@code MergePatcher.merge}:
 * every name and value checked, converted, then set), against Jackson's own update of an object
 * from the same JSON ({@code readerForUpdating}: no whitelist, no checks), in the same run.
 */
final class MergePatchCost {

	private static final int WARM_UP = 50_000;

	private static final int MEASURED = 200_000;

	private MergePatchCost() {
	}

	static void measure(Figures figures) throws Exception {
		JsonMapper json = JsonMapper.builder().build();
		MergePatcher patcher = new MergePatcher(null, null, json, null);
		JsonNode patch = json.readTree("""
				{"name":"Lamp","description":"A desk lamp","sku":"L-1","price":39.90,"quantity":7,
				 "active":true,"category":"lighting","colour":"black","weightGrams":1200,
				 "releasedAt":"2026-01-15T10:00:00Z"}""");
		Set<String> writable = Set.of("name", "description", "sku", "price", "quantity", "active", "category", "colour",
				"weightGrams", "releasedAt");
		List<Double> library = new java.util.ArrayList<>();
		List<Double> jackson = new java.util.ArrayList<>();
		for (int round = 0; round < 7; round++) {
			library.add(time(round == 0 ? WARM_UP : MEASURED, () -> patcher.merge(new Product(), patch, writable)));
			jackson.add(time(round == 0 ? WARM_UP : MEASURED,
					() -> json.readerForUpdating(new Product()).readValue(patch)));
		}
		library.remove(0);
		jackson.remove(0);
		double us = Interleaved.median(library);
		double reference = Interleaved.median(jackson);
		figures.note("a 10-field merge patch applied in memory: MergePatcher.merge (whitelist, checks, conversion) vs "
				+ "Jackson readerForUpdating (no whitelist), " + MEASURED + " applications per round, median of 6 rounds");
		figures.print("merge_patch_us_per_request", us, "us");
		figures.print("jackson_update_us_per_request", reference, "us");
		figures.print("merge_patch_ratio_vs_jackson_update", us / reference, "x");
	}

	private static double time(int times, Runnable work) {
		long start = System.nanoTime();
		for (int i = 0; i < times; i++) {
			work.run();
		}
		return (System.nanoTime() - start) / 1e3 / times;
	}

	/** Ten properties of the kinds a patch carries: text, numbers, a flag, an instant. */
	static final class Product {

		private String name;

		private String description;

		private String sku;

		private BigDecimal price;

		private int quantity;

		private boolean active;

		private String category;

		private String colour;

		private long weightGrams;

		private Instant releasedAt;

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public void setSku(String sku) {
			this.sku = sku;
		}

		public void setPrice(BigDecimal price) {
			this.price = price;
		}

		public void setQuantity(int quantity) {
			this.quantity = quantity;
		}

		public void setActive(boolean active) {
			this.active = active;
		}

		public void setCategory(String category) {
			this.category = category;
		}

		public void setColour(String colour) {
			this.colour = colour;
		}

		public void setWeightGrams(long weightGrams) {
			this.weightGrams = weightGrams;
		}

		public void setReleasedAt(Instant releasedAt) {
			this.releasedAt = releasedAt;
		}

	}

}
