package dev.observe.demo;

import java.math.BigDecimal;

/** One line of an order, as the client sends it. */
public record OrderItem(String sku, int quantity, BigDecimal price) {
}
