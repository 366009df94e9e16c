package io.dddpersistence.repository.sample;

import java.util.UUID;

public record Tag(UUID id, Long version, String label) {
}
