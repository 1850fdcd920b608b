package io.jiesu.core.rates;

/** A rate with the counts behind it; no value when nothing was counted (0 ÷ 0 is not 100 %). */
public record Rate(long numerator, long denominator) {
    public Double value() {
        return denominator == 0 ? null : (double) numerator / denominator;
    }
}
