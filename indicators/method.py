"""The scoring method in words, for the app to show next to the figures.

A score nobody can explain is not trusted, and a village group that sees a
low number must be able to see why. The text is Markdown (``dcc.Markdown``
renders it) and says the same as ``docs/method.md`` in English; the rules
themselves live in ``indicators.scores``, ``indicators.per_capita`` and
``indicators.latest``, and the tests hold the text and the code together.
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
