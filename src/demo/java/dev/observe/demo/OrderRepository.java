package dev.observe.demo;

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

    public Order create(String userId, List<OrderItem> items, BigDecimal total) {
        Order order = new Order(ids.incrementAndGet(), userId, List.copyOf(items), total);
        orders.put(order.id(), order);
        return order;
    }

    public Optional<Order> find(long id) {
        return Optional.ofNullable(orders.get(id));
    }
}
