package dev.observe.ee.internal.logging;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * A few {@link LineEncoder}s shared by the threads that log, without thread-locals (a thread-local holding the
 * library's classes would keep an undeployed application's class loader alive on every pooled server thread).
 * Borrowing is one compare-and-set; when every pooled encoder is busy a new one is made and dropped afterwards.
 */
final class EncoderPool {

    private final AtomicReferenceArray<LineEncoder> slots;
    private final Supplier<LineEncoder> factory;

    EncoderPool(int size, Supplier<LineEncoder> factory) {
        this.slots = new AtomicReferenceArray<>(size);
        this.factory = factory;
    }

    LineEncoder acquire() {
        int start = (int) (Thread.currentThread().getId() % slots.length());
        for (int i = 0; i < slots.length(); i++) {
            int slot = (start + i) % slots.length();
            LineEncoder encoder = slots.get(slot);
            if (encoder != null && slots.compareAndSet(slot, encoder, null)) {
                return encoder;
            }
        }
        return factory.get();
    }

    void release(LineEncoder encoder) {
        int start = (int) (Thread.currentThread().getId() % slots.length());
        for (int i = 0; i < slots.length(); i++) {
            int slot = (start + i) % slots.length();
            if (slots.get(slot) == null && slots.compareAndSet(slot, null, encoder)) {
                return;
            }
        }
    }
}
