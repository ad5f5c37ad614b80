package dev.observe.demo;

import dev.observe.ee.Traced;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The guide's {@code OrderService.place_order}: log what is about to happen with the user and the item count,
 * place the order, log the outcome; on failure log it with the exception and let it propagate.
 */
@ApplicationScoped
public class OrderService {

    private static final Logger LOG = Logger.getLogger(OrderService.class.getName());

    @Inject
    OrderRepository orders;

    @Traced("place_order")
    public Order placeOrder(String userId, List<OrderItem> items) {
        int itemCount = items == null ? 0 : items.size();
        List<String> skus = items == null ? List.of() : items.stream().map(item -> item == null ? null : item.sku()).toList();
        LOG.info(() -> "placing_order user_id=" + userId + " item_count=" + itemCount + " skus=" + skus);
        try {
            validate(items);
            Order order = orders.create(userId, items, total(items));
            LOG.info(() -> "order_placed user_id=" + userId + " item_count=" + itemCount + " order_id=" + order.id()
                    + " total=" + order.total());
            return order;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, e, () -> "order_placement_failed user_id=" + userId + " item_count=" + itemCount);
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
