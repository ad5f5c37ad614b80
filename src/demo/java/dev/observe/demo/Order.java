package dev.observe.demo;

import java.math.BigDecimal;
import java.util.List;

/** A placed order. */
public record Order(long id, String userId, List<OrderItem> items, BigDecimal total) {
}
