package dev.observe.demo;

import dev.observe.ee.Traced;
import dev.observe.ee.logging.Log;

import io.opentelemetry.api.trace.Span;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The guide's {@code OrderService.place_order}: a {@code place_order} span with the user and item count (the
 * repository's steps are its children), a logger bound with the same, {@code placing_order}, then {@code
 * order_placed} with the order's id and total (also on the span), or {@code order_placement_failed} with the
 * exception, which still propagates (and is recorded on the span, which gets status ERROR).
 */
@ApplicationScoped
public class OrderService {

    private static final Log log = Log.get(OrderService.class);

    @Inject
    OrderRepository orders;

    @Inject
    InventoryClient inventory;

    @Traced("place_order")
    public Order placeOrder(String userId, List<OrderItem> items) {
        int itemCount = items == null ? 0 : items.size();
        Span span = Span.current();
        span.setAttribute("user.id", userId);
        span.setAttribute("order.item_count", itemCount);
        Log l = log.bind("user_id", userId, "item_count", itemCount);
        l.info("placing_order", "skus", items == null ? List.of()
                : items.stream().map(item -> item == null ? null : item.sku()).toList());
        try {
            validate(items);
            l.debug("order_validated");
            for (OrderItem item : items) {
                inventory.reserve(item.sku(), item.quantity());
            }
            Order order = orders.createOrderRecord(userId, total(items));
            order = orders.createOrderItems(order, items);
            span.setAttribute("order.id", order.id());
            span.setAttribute("order.total", order.total().doubleValue());
            l.info("order_placed", "order_id", order.id(), "total", order.total());
            return order;
        } catch (RuntimeException e) {
            l.exception("order_placement_failed", e);
            throw e;
        }
    }

    public Optional<Order> find(long id) {
        return orders.find(id);
    }

    private static void validate(List<OrderItem> items) {
        if (items == null || items.isEmpty()) {
            throw new InvalidOrderException("An order needs at least one item");
        }
        for (int i = 0; i < items.size(); i++) {
            OrderItem item = items.get(i);
            if (item == null) {
                throw new InvalidOrderException("items[" + i + "] is missing");
            }
            if (item.sku() == null || item.sku().isBlank()) {
                throw new InvalidOrderException("items[" + i + "].sku is required");
            }
            if (item.quantity() <= 0) {
                throw new InvalidOrderException("items[" + i + "].quantity must be at least 1, was " + item.quantity());
            }
            if (item.price() == null || item.price().signum() < 0) {
                throw new InvalidOrderException("items[" + i + "].price must be zero or more");
            }
        }
    }

    private static BigDecimal total(List<OrderItem> items) {
        return items.stream()
                .map(item -> item.price().multiply(BigDecimal.valueOf(item.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
