package org.budgetledger.projection.publication;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Percents with two decimals. A single share is rounded half-up; the shares of the parts of a whole are apportioned
 * by largest remainder (Hamilton's method: each part's hundredths of a percent rounded down, the hundredths missing
 * to 100.00 given to the parts with the largest remainders), so that the shares a sentence lists add up to 100.00% as
 * it says — the published reports plug a share by hand for that (DOMAIN.md §3: "97.65%").
 */
final class Shares {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Shares() {
    }

    /** {@code part / whole} in percent, half-up to two decimals; 0.00 when the whole is 0. */
    static BigDecimal of(long partFen, long wholeFen) {
        if (wholeFen == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(partFen).multiply(HUNDRED).divide(BigDecimal.valueOf(wholeFen), 2, RoundingMode.HALF_UP);
    }

    /**
     * The shares of parts that add up to their whole, adding up to 100.00 exactly; each part's share is the
     * half-up one or one hundredth off it. Parts that do not add up to a positive whole (negative parts, say) are
     * each rounded on their own.
     */
    static List<BigDecimal> apportioned(List<Long> partsFen) {
        long whole = partsFen.stream().mapToLong(Long::longValue).sum();
        if (whole <= 0 || partsFen.stream().anyMatch(part -> part < 0)) {
            return partsFen.stream().map(part -> of(part, whole)).toList();
        }
        // each share in hundredths of a percent: part * 10000 / whole, its floor and its remainder
        List<long[]> floors = new ArrayList<>();
        long given = 0;
        for (long part : partsFen) {
            BigDecimal[] division = BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(10_000))
                    .divideAndRemainder(BigDecimal.valueOf(whole));
            floors.add(new long[]{division[0].longValueExact(), division[1].longValueExact()});
            given += division[0].longValueExact();
        }
        long missing = 10_000 - given;
        List<Integer> byRemainder = IntStream.range(0, partsFen.size()).boxed()
                .sorted(Comparator.<Integer>comparingLong(index -> floors.get(index)[1]).reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        for (int rank = 0; rank < missing; rank++) {
            floors.get(byRemainder.get(rank))[0]++;
        }
        return floors.stream().map(floor -> BigDecimal.valueOf(floor[0], 2)).toList();
    }
}
