package cnnlab.features;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnitsAndSettingsTest {
    @Test
    void unitsAreTypedAsListsAndRanges() {
        assertArrayEquals(new int[]{0, 1, 2, 3}, Units.parse("0-3", 50));
        assertArrayEquals(new int[]{1, 4, 7, 8, 9}, Units.parse(" 1, 4,7-9 ", 50));
        assertArrayEquals(new int[]{3}, Units.parse("3,3", 50), "duplicates count once");
        assertEquals("1,4,7-9", Units.format(new int[]{1, 4, 7, 8, 9}));
        assertEquals("0-49", Units.format(Units.range(0, 50)));
    }

    @Test
    void badUnitsSayWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Units.parse("50", 50)).getMessage().contains("0-49"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Units.parse("abc", 50)).getMessage().contains("'abc'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Units.parse("9-3", 50)).getMessage().contains("low to high"));
        assertThrows(IllegalArgumentException.class, () -> Units.parse("", 50));
        assertThrows(IllegalArgumentException.class, () -> Units.parse("-1", 50));
        assertThrows(IllegalArgumentException.class, () -> Units.parse("1,".repeat(300), 50));
    }

    private static Map<String, List<String>> query(Map<String, String> q) {
        return q.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
    }

    @Test
    void settingsSurviveTheTripThroughTheUrl() {
        AscentSettings s = new AscentSettings(Target.DENSE, Measure.VALUE, new int[]{1, 5, 6, 7}, new Constraints(0.015, 0.1, 0.002, 2, 5),
                false, Start.BLANK, 1234, 640, 0.125, Optimiser.NORMALISED);
        AscentSettings.Parsed back = AscentSettings.fromQuery(query(s.toQuery()));
        assertEquals(List.of(), back.problems());
        assertEquals(s, back.settings());
        assertEquals(s.cacheKey(), back.settings().cacheKey());
        assertEquals("1,5-7", s.toQuery().get("units"));
        AscentSettings c = AscentSettings.CLASSES_WITH_AND_WITHOUT_L1;
        assertEquals(c, AscentSettings.fromQuery(query(c.toQuery())).settings());
    }

    @Test
    void anEmptyUrlIsTheLecturesFigure() {
        AscentSettings.Parsed p = AscentSettings.fromQuery(Map.of());
        assertEquals(AscentSettings.DEFAULT, p.settings());
        assertEquals(Target.CONV2, p.settings().target());
        assertArrayEquals(Units.range(0, 12), p.settings().units());
    }

    @Test
    void badUrlParametersFallBackAndAreReported() {
        AscentSettings.Parsed p = AscentSettings.fromQuery(Map.of("layer", List.of("<script>"), "steps", List.of("99999"),
                "l1", List.of("-3"), "units", List.of("0-400"), "measure", List.of("log-probability"), "seed", List.of("x")));
        assertEquals(AscentSettings.DEFAULT, p.settings());
        assertEquals(6, p.problems().size(), p.problems().toString());
        assertTrue(p.problems().stream().anyMatch(m -> m.contains("unknown layer")));
        AscentSettings.Parsed dense = AscentSettings.fromQuery(Map.of("layer", List.of("dense")));
        assertEquals(Target.DENSE, dense.settings().target());
        assertArrayEquals(Units.range(0, 12), dense.settings().units(), "another layer's default: its first 12 units");
        AscentSettings.Parsed tooMany = AscentSettings.fromQuery(Map.of("layer", List.of("dense"), "units", List.of("0-99"),
                "compare", List.of("true")));
        assertFalse(tooMany.settings().compareL1(), "200 pictures are too many");
    }

    @Test
    void comparingRunsEveryUnitWithoutThenWithL1() {
        AscentSettings c = AscentSettings.CLASSES_WITH_AND_WITHOUT_L1;
        assertEquals(20, c.pictures());
        assertEquals(3, c.unitOf(3));
        assertEquals(3, c.unitOf(13));
        assertEquals(0, c.constraintsOf(3).l1());
        assertEquals(AscentSettings.COMPARE_L1, c.constraintsOf(13).l1());
    }

    @Test
    void impossibleSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AscentSettings(Target.CONV2, Measure.LOGIT, new int[]{0},
                Constraints.NONE, false, Start.NOISE, 1, 10, 0.1, Optimiser.ADAM));
        assertThrows(IllegalArgumentException.class, () -> new AscentSettings(Target.OUTPUT, Measure.LOGIT, new int[]{10},
                Constraints.NONE, false, Start.NOISE, 1, 10, 0.1, Optimiser.ADAM));
        assertThrows(IllegalArgumentException.class, () -> new AscentSettings(Target.OUTPUT, Measure.LOGIT, new int[]{1},
                Constraints.NONE, false, Start.NOISE, 1, 0, 0.1, Optimiser.ADAM));
        assertThrows(IllegalArgumentException.class, () -> new Constraints(-1, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Constraints(0, 0, 0, 9, 0));
    }
}
