package io.dddpersistence.outbox.capture;

import java.util.UUID;

/** Not externalized: stays inside the application. */
public record OrderNoted(UUID orderId) {
}
