package cnnlab.go;

import java.util.Map;

/** What the networks make of one position: each available network's prediction and, if asked, one first layer (else null). */
public record PositionReading(Board board, Map<PolicyNet, MovePrediction> predictions, GoService.FirstLayer firstLayer) { }
