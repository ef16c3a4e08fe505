package cnnlab.fuzz;

import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Base of the fuzz classes that speak HTTP to the shared server: starts it, tallies each try's kind and outcome, and
 * has a neighbour client check that the server still serves it every few tries and after every property.
 */
abstract class OverHttp {
    private final int neighbourEvery;
    private int tries;

    OverHttp(int neighbourEvery) {
        this.neighbourEvery = neighbourEvery;
    }

    @BeforeContainer
    static void start() {
        LabHttp.base();
    }

    @AfterProperty
    void neighbourStillServed() {
        LabHttp.assertNeighbourServed();
    }

    void tally(String kind, String outcome) {
        Statistics.label("kind").collect(kind);
        Statistics.label("outcome").collect(outcome);
        if (++tries % neighbourEvery == 0) LabHttp.assertNeighbourServed();
    }
}
