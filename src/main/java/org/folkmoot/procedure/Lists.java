package org.folkmoot.procedure;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * Lists that never change, and their next versions with one item added or replaced: how the ladder's state
 * changes without changing. A version shares all but one chunk of 32 items with the one before it, so adding
 * to a book of thousands of entries costs a few dozen copied references, not thousands (a plain copy per entry
 * made a long book's fold, and every correction's refold, quadratic).
 */
final class Lists {
    private Lists() {
    }

    static <T> List<T> plus(List<T> list, T item) {
        return chunked(list).plus(item);
    }

    static <T> List<T> with(List<T> list, int index, T item) {
        return chunked(list).with(index, item);
    }

    /** The list as one that never changes: itself when it is one of these, else a copy. */
    static <T> List<T> frozen(List<T> list) {
        return chunked(list);
    }

    @SuppressWarnings("unchecked")
    private static <T> Chunked<T> chunked(List<T> list) {
        if (list instanceof Chunked<?> c) return (Chunked<T>) c;
        Chunked<T> c = Chunked.empty();
        for (T item : list) c = c.plus(item);
        return c;
    }

    private static final class Chunked<T> extends AbstractList<T> implements RandomAccess {
        private static final int CHUNK = 32;
        private static final Chunked<?> EMPTY = new Chunked<>(new Object[0][], 0);
        private final Object[][] chunks;
        private final int size;

        private Chunked(Object[][] chunks, int size) {
            this.chunks = chunks;
            this.size = size;
        }

        @SuppressWarnings("unchecked")
        static <T> Chunked<T> empty() {
            return (Chunked<T>) EMPTY;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get(int index) {
            if (index < 0 || index >= size) throw new IndexOutOfBoundsException("index " + index + ", size " + size);
            return (T) chunks[index / CHUNK][index % CHUNK];
        }

        @Override
        public int size() {
            return size;
        }

        Chunked<T> plus(T item) {
            int at = size % CHUNK;
            Object[][] next;
            if (at == 0) {
                next = Arrays.copyOf(chunks, chunks.length + 1);
                next[next.length - 1] = new Object[] {item};
            } else {
                next = chunks.clone();
                Object[] last = Arrays.copyOf(chunks[chunks.length - 1], at + 1);
                last[at] = item;
                next[next.length - 1] = last;
            }
            return new Chunked<>(next, size + 1);
        }

        Chunked<T> with(int index, T item) {
            if (index < 0 || index >= size) throw new IndexOutOfBoundsException("index " + index + ", size " + size);
            Object[][] next = chunks.clone();
            Object[] chunk = chunks[index / CHUNK].clone();
            chunk[index % CHUNK] = item;
            next[index / CHUNK] = chunk;
            return new Chunked<>(next, size);
        }
    }
}
