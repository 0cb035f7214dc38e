package br.com.techassist.shipments.bench;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles of a sample; an empty sample gives NaN. */
record Percentiles(double[] sorted) {

    static Percentiles of(Collection<Double> values) {
        double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return new Percentiles(a);
    }

    /** The value at or below which {@code p} percent of the sample lies (nearest rank). */
    double at(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }

    int count() {
        return sorted.length;
    }
}
