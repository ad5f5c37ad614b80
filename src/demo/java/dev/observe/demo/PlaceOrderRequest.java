package dev.observe.demo;

import java.util.List;

/** The body of {@code POST /api/orders}: {@code {"items":[{"sku":"A1","quantity":2,"price":9.99}]}}. */
public record PlaceOrderRequest(List<OrderItem> items) {
}
