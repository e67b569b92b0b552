package org.folkmoot.procedure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Copies of unmodifiable lists with one change: how the ladder's values change without changing. */
final class Lists {
    private Lists() {
    }

    static <T> List<T> plus(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list.size() + 1);
        copy.addAll(list);
        copy.add(item);
        return Collections.unmodifiableList(copy);
    }

    static <T> List<T> with(List<T> list, int index, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.set(index, item);
        return Collections.unmodifiableList(copy);
    }
}
