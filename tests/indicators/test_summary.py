from indicators.core.model import Direction, Indicator, Level, Observation
from indicators.core.slus import DEVELOPMENT_AREAS
from indicators.metrics.summary import locality_summary

POP = Indicator("population", "Folkmängd", "Population", "invånare", "leva", Direction.NEUTRAL, Level.LOCALITY, "SCB", "")
EMP = Indicator("emp", "Förvärvsfrekvens", "Employment", "%", "arbeta", Direction.HIGHER_IS_BETTER,
                Level.MUNICIPALITY, "SCB", "")


def test_every_area_is_listed_even_without_indicators():
    summary = locality_summary("tuna", [POP], [])
    assert [s.area.id for s in summary] == [a.id for a in DEVELOPMENT_AREAS]
    assert [len(s.lines) for s in summary] == [1, 0, 0, 0, 0, 0]


def test_lines_carry_the_locality_and_the_references():
    observations = [
        Observation("population", "tuna", 2020, 240, "SCB", "tätort"),
        Observation("population", "kommun", 2024, 15384, "SCB"),
        Observation("emp", "kommun", 2020, 82.3, "SCB"),
        Observation("emp", "riket", 2020, 79.5, "SCB"),
        Observation("population", "storebro", 2020, 1025, "SCB", "tätort"),
    ]
    summary = {s.area.id: s for s in locality_summary("tuna", [POP, EMP], observations)}
    pop = summary["leva"].lines[0]
    assert pop.locality.value == 240 and pop.municipality.value == 15384 and pop.sweden is None
    emp = summary["arbeta"].lines[0]
    assert emp.locality is None and emp.municipality.value == 82.3 and emp.sweden.value == 79.5
