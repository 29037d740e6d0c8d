package dev.gilscope.workload;

import java.util.BitSet;

/** Trial division written as pure Python would run it, and a sieve to check it against. */
final class Primes {

    private Primes() {
    }

    /** {@code count_primes(limit)}: primes below {@code limit}, one check point per loop back-edge. */
    static long countBelow(Interpreter py, long limit) {
        long count = 0;
        for (long n = 2; n < limit; n++) {
            if (isPrime(py, n)) count++;
            py.checkpoint();
        }
        return count;
    }

    /** {@code is_prime(n)}: {@code all(n % i for i in range(2, isqrt(n) + 1))}. */
    static boolean isPrime(Interpreter py, long n) {
        if (n < 2) return false;
        long root = isqrt(n);
        for (long i = 2; i <= root; i++) {
            if (n % i == 0) return false;
            py.checkpoint();
        }
        return true;
    }

    /** {@code math.isqrt}: the largest r with r*r <= n. */
    static long isqrt(long n) {
        long r = (long) Math.sqrt((double) n);
        while (r * r > n) r--;
        while ((r + 1) * (r + 1) <= n) r++;
        return r;
    }

    /**
     * The independent check for prime-check: which of {@code first .. first+count-1} are prime, by a
     * segmented sieve of Eratosthenes (cross out multiples of every p up to the square root).
     */
    static BitSet sievePrimesIn(long first, int count) {
        BitSet composite = new BitSet(count);
        for (long n = first; n < 2 && n < first + count; n++) composite.set((int) (n - first)); // 0 and 1
        long last = first + count - 1;
        int root = (int) isqrt(last);
        BitSet smallComposite = new BitSet(root + 1);
        for (int p = 2; p <= root; p = smallComposite.nextClearBit(p + 1)) {
            for (long m = (long) p * p; m <= root; m += p) smallComposite.set((int) m);
            long start = Math.max((long) p * p, (first + p - 1) / p * p);
            for (long m = start; m <= last; m += p) composite.set((int) (m - first));
        }
        BitSet primes = new BitSet(count);
        primes.set(0, count);
        primes.andNot(composite);
        return primes;
    }

    /** The independent check: how many primes lie below {@code limit}, by the sieve of Eratosthenes. */
    static long sieveCountBelow(int limit) {
        if (limit < 3) return 0;
        BitSet composite = new BitSet(limit);
        for (int p = 2; (long) p * p < limit; p = composite.nextClearBit(p + 1)) {
            for (int multiple = p * p; multiple < limit && multiple > 0; multiple += p) composite.set(multiple);
        }
        return limit - 2 - composite.get(2, limit).cardinality();
    }
}
