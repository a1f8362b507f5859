"""The scoring method in words, for the app to show next to the figures.

A score nobody can explain is not trusted, and a village group that sees a
low number must be able to see why. The text is Markdown (``dcc.Markdown``
renders it) and says the same as ``docs/method.md`` in English; the rules
themselves live in ``indicators.metrics.scores``, ``indicators.metrics.per_capita`` and
``indicators.metrics.latest``, and the tests hold the text and the code together.
"""

from __future__ import annotations

METHOD_SV = """\
**Så räknas poängen**

- **Jämförelse inom ett år.** Varje indikator som mäts per ort och har en riktning räknas om \
till en skala 0–100 bland de orter som har en jämförbar uppgift det året: lägst värde får 0, \
högst får 100 och de andra hamnar emellan i proportion. Poängen är relativ – 0 betyder \
svagast bland de jämförda orterna, inte ”ingenting”.
- **Riktning.** Där lägre är bättre vänds skalan, så att 100 alltid \
är bäst. Neutrala indikatorer, som folkmängd och medelålder, beskriver orten men ger inga poäng.
- **Per 1 000 invånare.** Antal som föreningar, företag och mötesplatser jämförs per \
1 000 invånare, så att en liten by inte mäts med stadens måttstock. Som folkmängd används \
ortens uppgift för samma år, annars närmast tidigare år, annars närmast senare, annars en \
odaterad uppgift.
- **Lika värden.** Har alla orter samma värde, eller bara en ort en uppgift, får alla 50: \
indikatorn skiljer dem inte åt.
- **Saknade uppgifter.** En saknad uppgift räknas aldrig som 0. Den lämnas utanför, och \
varje områdespoäng visar hur många indikatorer den vilar på, till exempel ”2 av 3”.
- **Räknegrund.** Uppgifter som räknats på olika sätt (tätort, valdistrikt, socken) blandas \
inte. Den räknegrund som flest orter har används; övriga visas men ger ingen poäng.
- **Områdespoäng.** Medelvärdet av ortens poäng på indikatorerna inom ett av de sex \
SLUS-områdena.
- **Attraktivitetsindex.** Ett vägt medelvärde av områdespoängen. Från början väger alla sex \
områden lika; vikterna kan ändras. Ett område utan poäng lämnas utanför och de övriga \
vikterna räknas om, så att en ort inte straffas för det ingen har mätt. Vikter får inte vara \
negativa och minst en måste vara större än noll.
- **Exempeldata.** Poäng som bygger på inbyggda exempelvärden märks som exempel tills \
kommunen har lagt in egna uppgifter.
"""
"""The method in Swedish, as Markdown."""

METHOD_EN = """\
**How the scores are computed**

- **Compared within one year.** Every indicator measured per locality that has a direction is \
rescaled to 0–100 among the localities with a comparable figure that year: the lowest value gets \
0, the highest 100, the others in proportion. A score is relative – 0 means the weakest of the \
localities compared, not "nothing".
- **Direction.** Where lower is better the scale is flipped, so 100 is always best. Neutral \
indicators, such as population and mean age, describe a locality but give no score.
- **Per 1,000 inhabitants.** Counts such as associations, businesses and meeting places are \
compared per 1,000 inhabitants, so a small village is not judged by the town's yardstick. The \
population used is the locality's figure for the same year, else the nearest earlier year, else \
the nearest later one, else an undated figure.
- **Equal values.** When all localities have the same value, or only one has a figure, all get \
50: the indicator does not tell them apart.
- **Missing figures.** A missing figure is never counted as 0. It is left out, and every area \
score shows how many indicators it rests on, e.g. "2 of 3".
- **Counting basis.** Figures counted differently (urban area, electoral district, parish) are \
not mixed. The basis most localities have is used; the others are shown but give no score.
- **Area score.** The mean of a locality's indicator scores within one of the six SLUS areas.
- **Attractiveness index.** A weighted mean of the area scores. At first all six areas weigh \
the same; the weights can be changed. An area without a score is left out and the other \
weights renormalised, so a locality is not punished for what nobody measured. Weights may not \
be negative and at least one must be above zero.
- **Example data.** Scores that rest on bundled example values are marked as examples until the \
municipality has loaded its own figures.
"""
"""The method in English, as Markdown (the same rules as METHOD_SV)."""


def method_text(language: str) -> str:
    """The method in the UI language; Swedish unless English is asked for."""
    return METHOD_EN if language == "en" else METHOD_SV
