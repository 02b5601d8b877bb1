package org.jalchemy.engine;

/**
 * A snapshot of a pool's counters (SQLAlchemy's {@code pool.status()}).
 *
 * @param size       connections kept (poolSize)
 * @param maxOverflow extra connections allowed beyond size
 * @param total      connections open now
 * @param checkedOut connections in use now
 * @param idle       connections open and free now
 * @param waiting    threads waiting for a connection now
 */
public record PoolStatus(int size, int maxOverflow, int total, int checkedOut, int idle, int waiting) {
    @Override
    public String toString() {
        return "Pool size: " + size + "  Connections in pool: " + idle + "  Current overflow: "
                + Math.max(0, total - size) + "  Current checked out connections: " + checkedOut
                + "  Waiting: " + waiting;
    }
}
