package cnnlab.style;

/** The losses after one iteration, unweighted, as the page plots them, and the weighted total that is minimised. */
public record StyleLossValues(int iteration, double content, double style, double totalVariation, double total) { }
