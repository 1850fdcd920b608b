package io.jiesu.routing;

/**
 * Counts per character n-gram code ({@link Features#gramCode}), without a boxed key or a map entry per gram: an
 * open-addressing table of primitive longs. A history of 100,000 tickets has millions of distinct grams; a
 * {@code HashMap<String, Integer>} of them spent more time allocating and hashing than LIBLINEAR spent solving.
 */
final class GramCounts {
    private static final long EMPTY = 0; // no code is 0: every code point in it is stored plus one
    private long[] keys;
    private int[] values;
    private int size;

    GramCounts(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
    }

    void add(long code, int delta) {
        int at = slot(keys, code);
        if (keys[at] == EMPTY) {
            keys[at] = code;
            if (++size * 2 > keys.length) {
                grow();
                at = slot(keys, code);
            }
        }
        values[at] += delta;
    }

    /** The count of a code, or -1 when it was never added. */
    int get(long code) {
        int at = slot(keys, code);
        return keys[at] == EMPTY ? -1 : values[at];
    }

    int size() {
        return size;
    }

    /** Every code with its count, in no particular order. */
    void forEach(Entry each) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                each.accept(keys[i], values[i]);
            }
        }
    }

    interface Entry {
        void accept(long code, int count);
    }

    private static int slot(long[] keys, long code) {
        int mask = keys.length - 1;
        int at = (int) mix(code) & mask;
        while (keys[at] != EMPTY && keys[at] != code) {
            at = (at + 1) & mask;
        }
        return at;
    }

    /** A 64-bit finaliser (MurmurHash3's): neighbouring codes land far apart. */
    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        return k ^ (k >>> 33);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int at = slot(keys, oldKeys[i]);
                keys[at] = oldKeys[i];
                values[at] = oldValues[i];
            }
        }
    }
}
