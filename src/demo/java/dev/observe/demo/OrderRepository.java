package dev.observe.demo;

import dev.observe.ee.Traced;

import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** In-memory order storage: the demo needs no database. */
@ApplicationScoped
public class OrderRepository {

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Order> orders = new ConcurrentHashMap<>();

    /** The guide's {@code Order.objects.create(user=user)}. */
    @Traced("create_order_record")
    public Order createOrderRecord(String userId, BigDecimal total) {
        Order order = new Order(ids.incrementAndGet(), userId, List.of(), total);
        orders.put(order.id(), order);
        return order;
    }

    /** The guide's {@code OrderItem.objects.create(order=order, **item)} for each item. */
    @Traced("create_order_items")
    public Order createOrderItems(Order order, List<OrderItem> items) {
        Order complete = new Order(order.id(), order.userId(), List.copyOf(items), order.total());
        orders.put(complete.id(), complete);
        return complete;
    }

    public Optional<Order> find(long id) {
        return Optional.ofNullable(orders.get(id));
    }
}
