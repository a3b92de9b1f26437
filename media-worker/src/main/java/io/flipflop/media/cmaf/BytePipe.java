package io.flipflop.media.cmaf;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands FLV bytes from the thread that receives tags to the packaging thread, where FFmpeg's read callback
 * takes them. Bounded, so a packager that falls behind slows the publisher (TCP backpressure) instead of
 * filling the heap; a packager that stopped makes writes no-ops, so the publisher's thread never hangs.
 */
final class BytePipe {

    private final long capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readable = lock.newCondition();
    private final Condition writable = lock.newCondition();
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private int headOffset;
    private long buffered;
    private boolean ended;
    private boolean abandoned;

    BytePipe(long capacity) {
        this.capacity = capacity;
    }

    /** Blocks while the pipe is full; returns false if the reader is gone and the bytes were dropped. */
    boolean write(byte[] bytes) throws InterruptedException {
        lock.lock();
        try {
            while (buffered >= capacity && !abandoned && !ended) {
                writable.await();
            }
            if (abandoned || ended) {
                return false;
            }
            chunks.add(bytes);
            buffered += bytes.length;
            readable.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** No more bytes will come: the reader drains what is left, then sees the end. */
    void end() {
        lock.lock();
        try {
            ended = true;
            readable.signalAll();
            writable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The reader stopped for good: drop what is buffered and everything written from now on. */
    void abandon() {
        lock.lock();
        try {
            abandoned = true;
            chunks.clear();
            buffered = 0;
            readable.signalAll();
            writable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Copies up to {@code max} bytes into {@code target} (at most one chunk, so FFmpeg gets each tag as soon
     * as it arrived), waiting until some exist. Returns -1 at the end.
     */
    int read(Target target, int max) throws InterruptedException {
        lock.lock();
        try {
            while (chunks.isEmpty() && !ended && !abandoned) {
                readable.await();
            }
            if (chunks.isEmpty()) {
                return -1;
            }
            byte[] head = chunks.peek();
            int n = Math.min(max, head.length - headOffset);
            target.put(head, headOffset, n);
            headOffset += n;
            if (headOffset == head.length) {
                chunks.poll();
                headOffset = 0;
            }
            buffered -= n;
            writable.signal();
            return n;
        } finally {
            lock.unlock();
        }
    }

    /** Where {@link #read} copies to: native memory in production, an array in tests. */
    interface Target {
        void put(byte[] source, int offset, int length);
    }
}
