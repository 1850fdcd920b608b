package io.jiesu.core.rates;

import java.util.List;
import java.util.Map;

import static io.jiesu.core.rates.Counter.*;

/**
 * The six rates of the hotline's evaluation (考核, docs/domain.md "The life of a ticket" 9), each defined once:
 * its name as bulletins print it, the counters it divides, and its weight in the monthly ranking's composite.
 * {@link Rates} computes them (and the API returns them), {@link Ranking} weighs them, the digests print them.
 *
 * <p>Each is a cohort (docs/rates.md): the numerator counts some of the tickets the denominator counts, so every
 * rate lies within 0..1 for any range of days. Declared in the order the ranking weighs them, which is the order
 * the digests list them in.
 */
public enum RateKind {
    /**
     * 满意率: (satisfied + basically satisfied) ÷ rated, an unanswered callback counting as basically satisfied.
     */
    SATISFACTION("满意率", "satisfaction", 0.30, RATED, SATISFIED, BASICALLY_SATISFIED),
    /** 按时办结率: replied by the deadline ÷ replied. */
    ON_TIME_COMPLETION("按时办结率", "on-time completion", 0.25, REPLIED, REPLIED_IN_TIME),
    /** 响应率: of the dispatches in the period, those signed within the sign window. */
    RESPONSE("响应率", "response", 0.15, DISPATCHED, SIGNED_IN_TIME),
    /** 办结率: of the tickets whose reply fell due in the period, those closed (whenever). */
    COMPLETION("办结率", "completion", 0.10, DUE, CLOSED),
    /** 一次办结率: of those closed, those closed without reopening. */
    FIRST_TIME_RESOLUTION("一次办结率", "first-time resolution", 0.10, CLOSED, CLOSED_FIRST_TIME),
    /**
     * 解决率: rated solved ÷ answered, where answered means the citizen took the callback (an unanswered
     * callback says nothing of whether the problem was solved).
     */
    RESOLUTION("解决率", "resolution", 0.10, ANSWERED, SOLVED),
    /**
     * 派单准确率: dispatched and never returned ÷ dispatched (the centre's routing, not the unit's work). Weight 0:
     * out of the ranking's composite, which rates how units handle what they are sent, not where it was sent.
     */
    DISPATCH_ACCURACY("派单准确率", "dispatch accuracy", 0, ROUTED, ROUTED_KEPT),
    /** 派单准确率 of the learned router's own dispatches: whether the router helps. Weight 0. */
    ROUTER_DISPATCH_ACCURACY("智能派单准确率", "router dispatch accuracy", 0, ROUTER_ROUTED, ROUTER_KEPT),
    /** 派单准确率 of the dispatchers' dispatches (by hand or in joint review). Weight 0. */
    HAND_DISPATCH_ACCURACY("人工派单准确率", "hand dispatch accuracy", 0, HAND_ROUTED, HAND_KEPT),
    /**
     * 即时答复率: consultations answered on the spot from the knowledge base ÷ consultations, per unit by whose
     * article answered them or to whom they were dispatched (how well its articles spare it work). Weight 0: the
     * ranking rates how units handle what they are sent; knowledge-base upkeep is assessed on its own.
     */
    ON_THE_SPOT_ANSWER("即时答复率", "on-the-spot answer", 0, CONSULTATIONS, ON_THE_SPOT);

    private final String chinese;
    private final String english;
    private final double weight;
    private final Counter denominator;
    private final List<Counter> numerator;

    RateKind(String chinese, String english, double weight, Counter denominator, Counter... numerator) {
        this.chinese = chinese;
        this.english = english;
        this.weight = weight;
        this.denominator = denominator;
        this.numerator = List.of(numerator);
    }

    /** This rate of the given counts (a counter not present counts 0). */
    public Rate of(Map<Counter, Long> counts) {
        long n = 0;
        for (Counter c : numerator) {
            n += counts.getOrDefault(c, 0L);
        }
        return new Rate(n, counts.getOrDefault(denominator, 0L));
    }

    /** The name bulletins print (满意率). */
    public String chinese() {
        return chinese;
    }

    /** The English name printed beside it, for whoever reads the digest too. */
    public String english() {
        return english;
    }

    /** Its share of the monthly ranking's composite score; the six evaluation rates add up to 1, the others 0. */
    public double weight() {
        return weight;
    }

    public Counter denominator() {
        return denominator;
    }

    /** The counters added up above the line (satisfied and basically satisfied, for satisfaction). */
    public List<Counter> numerator() {
        return numerator;
    }
}
