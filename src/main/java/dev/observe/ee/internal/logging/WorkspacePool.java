package dev.observe.ee.internal.logging;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * A few {@link Workspace}s shared by the threads that log, without thread-locals (a thread-local holding the
 * library's classes would keep an undeployed application's class loader alive on every pooled server thread).
 * Borrowing is one compare-and-set; when every pooled workspace is busy a new one is made and dropped afterwards.
 */
final class WorkspacePool {

    private final AtomicReferenceArray<Workspace> slots;
    private final Supplier<Workspace> factory;

    WorkspacePool(int size, Supplier<Workspace> factory) {
        this.slots = new AtomicReferenceArray<>(size);
        this.factory = factory;
    }

    Workspace acquire() {
        int start = (int) (Thread.currentThread().getId() % slots.length());
        for (int i = 0; i < slots.length(); i++) {
            int slot = (start + i) % slots.length();
            Workspace workspace = slots.get(slot);
            if (workspace != null && slots.compareAndSet(slot, workspace, null)) {
                return workspace;
            }
        }
        return factory.get();
    }

    void release(Workspace workspace) {
        int start = (int) (Thread.currentThread().getId() % slots.length());
        for (int i = 0; i < slots.length(); i++) {
            int slot = (start + i) % slots.length();
            if (slots.get(slot) == null && slots.compareAndSet(slot, null, workspace)) {
                return;
            }
        }
    }
}
