<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">
<context>
    <name></name>
    <message>
        <source>Er is niets om ongedaan te maken.</source>
        <translation type="obsolete">There is nothing to undo.</translation>
    </message>
</context>
<context>
    <name>AgreementsActions</name>
    <message>
        <location filename="../../app/ui/pages/setup/agreements_dialog.py" line="145"/>
        <source>Afspraken exporteren</source>
        <translation>Export agreements</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/agreements_dialog.py" line="158"/>
        <source>%1 afspraken, de ladder en de afbouwplannen opgeslagen in %2 (zonder leerlingen).</source>
        <translation>%1 rules, the ladder and the phase-down plans saved in %2 (no students).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/agreements_dialog.py" line="166"/>
        <source>Afspraken importeren</source>
        <translation>Import agreements</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/agreements_dialog.py" line="186"/>
        <source>Overgenomen: %1</source>
        <translation>Taken over: %1</translation>
    </message>
</context>
<context>
    <name>AgreementsImportDialog</name>
    <message>
        <location filename="../../app/ui/pages/setup/agreements_dialog.py" line="48"/>
        <source>Afspraken overnemen</source>
        <translation>Take over agreements</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/agreements_dialog.py" line="52"/>
        <source>Vink aan wat je overneemt. Het geldt vanaf de gekozen datum: incidenten van daarvoor houden de stap die toen was afgesproken.</source>
        <translation>Tick what you take over. It holds from the chosen date: incidents before it keep the step that was agreed then.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/agreements_dialog.py" line="63"/>
        <source>Wat verandert</source>
        <translation>What changes</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/agreements_dialog.py" line="72"/>
        <source>Overnemen</source>
        <translation>Take over</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/agreements_dialog.py" line="73"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/agreements_dialog.py" line="77"/>
        <source>Geldt vanaf</source>
        <translation>Holds from</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/setup/agreements_dialog.py" line="103"/>
        <source>%n afspraken zijn al gelijk.</source>
        <translation>
            <numerusform>%n rule is already the same.</numerusform>
            <numerusform>%n rules are already the same.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/agreements_dialog.py" line="106"/>
        <source>Blijven staan (niet in het bestand): %1.</source>
        <translation>Stay (not in the file): %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/agreements_dialog.py" line="109"/>
        <source>Er verandert niets: je afspraken zijn al dezelfde.</source>
        <translation>Nothing changes: your agreements are already the same.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../app/ui/app.py" line="90"/>
        <source>Er ging iets mis. Je gegevens zijn veilig; de fout staat in het logbestand.

{err}</source>
        <translation>Something went wrong. Your data is safe; the error has been written to the log file.

{err}</translation>
    </message>
</context>
<context>
    <name>AttributesBox</name>
    <message>
        <location filename="../../app/ui/pages/setup/attributes_box.py" line="21"/>
        <source>Kenmerken voor je eigen controle</source>
        <translation>Attributes for your own check</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/attributes_box.py" line="26"/>
        <source>Alleen voor je eigen controle op gelijke behandeling; ze verlaten deze computer nooit herleidbaar tot een leerling.</source>
        <translation>Only for checking your own equal treatment; they never leave this computer in a form that can be traced back to a student.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/attributes_box.py" line="32"/>
        <source>Gedefinieerde kenmerken</source>
        <translation>Defined attributes</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/attributes_box.py" line="34"/>
        <source>Naam van een nieuw kenmerk</source>
        <translation>Name of a new attribute</translation>
    </message>
    <message>
        <source>bijv. geslacht, ondersteuningsplan</source>
        <translation type="vanished">e.g. gender, support plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/attributes_box.py" line="35"/>
        <source>bijv. geslacht</source>
        <translation>e.g. gender</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/attributes_box.py" line="36"/>
        <source>Toevoegen</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/attributes_box.py" line="36"/>
        <source>Kenmerk toevoegen</source>
        <translation>Add attribute</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/attributes_box.py" line="37"/>
        <source>Verwijderen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/attributes_box.py" line="37"/>
        <source>Gekozen kenmerk verwijderen</source>
        <translation>Remove the chosen attribute</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/attributes_box.py" line="68"/>
        <source>Het kenmerk &apos;{name}&apos; bestaat al.</source>
        <translation>The attribute &apos;{name}&apos; already exists.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/attributes_box.py" line="76"/>
        <source>Kenmerk &apos;{name}&apos; toegevoegd.</source>
        <translation>Attribute &apos;{name}&apos; added.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/attributes_box.py" line="83"/>
        <source>Kies eerst een kenmerk in de lijst.</source>
        <translation>First choose an attribute in the list.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/attributes_box.py" line="90"/>
        <source>Verwijderen wist &apos;{name}&apos; bij alle leerlingen. Klik nogmaals op &apos;Verwijderen&apos; om dat te bevestigen.</source>
        <translation>Removing erases &apos;{name}&apos; for every student. Click &apos;Remove&apos; again to confirm.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/attributes_box.py" line="98"/>
        <source>Kenmerk &apos;{name}&apos; verwijderd.</source>
        <translation>Attribute &apos;{name}&apos; removed.</translation>
    </message>
</context>
<context>
    <name>BellsBox</name>
    <message>
        <location filename="../../app/ui/pages/setup/bells_box.py" line="35"/>
        <source>Beltijden</source>
        <translation>Bell times</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/bells_box.py" line="39"/>
        <source>Welk lesuur wanneer begint en eindigt. Het rooster en de Log-pagina rekenen hiermee; een les die twee lesuren beslaat is één les (een blokuur).</source>
        <translation>When each period starts and ends. The timetable and the Log page use these times; a lesson over two periods is one lesson (a double period).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/bells_box.py" line="45"/>
        <source>Beltijden per lesuur</source>
        <translation>Bell times per period</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/bells_box.py" line="46"/>
        <source>Begin</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/bells_box.py" line="46"/>
        <source>Einde</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/bells_box.py" line="49"/>
        <source>Typ een tijd als 08:30; pijltjes gaan naar een andere cel.</source>
        <translation>Type a time like 08:30; the arrow keys move to another cell.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/bells_box.py" line="52"/>
        <source>Lesuur &amp;toevoegen</source>
        <translation>&amp;Add period</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/bells_box.py" line="53"/>
        <source>Laatste lesuur &amp;weghalen</source>
        <translation>&amp;Remove last period</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/bells_box.py" line="54"/>
        <source>Gebruikelijke tijden</source>
        <translation>Usual times</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/bells_box.py" line="55"/>
        <source>Beltijden &amp;opslaan</source>
        <translation>&amp;Save bell times</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/bells_box.py" line="87"/>
        <source>{n}e uur</source>
        <translation>period {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/bells_box.py" line="133"/>
        <source>{n}e uur: &apos;{t}&apos; is geen tijd; schrijf bijvoorbeeld 08:30.</source>
        <translation>Period {n}: &apos;{t}&apos; is not a time; write for example 08:30.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/bells_box.py" line="148"/>
        <source>Beltijden opgeslagen.</source>
        <translation>Bell times saved.</translation>
    </message>
</context>
<context>
    <name>BlindSpot</name>
    <message>
        <source>klas {name}</source>
        <translation type="vanished">class {name}</translation>
    </message>
    <message>
        <source>leerlingen met {dim} &apos;{name}&apos;</source>
        <translation type="vanished">students with {dim} &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>de afspraak &apos;{name}&apos;</source>
        <translation type="vanished">the rule &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>op {day}</source>
        <translation type="vanished">on {day}</translation>
    </message>
    <message>
        <source>in lesuur {name}</source>
        <translation type="vanished">in period {name}</translation>
    </message>
    <message>
        <source>in lessen met sfeer &apos;{name}&apos;</source>
        <translation type="vanished">in lessons that felt &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>bij afspraken over {name}</source>
        <translation type="vanished">with rules about {name}</translation>
    </message>
    <message>
        <source>in de maand {name}</source>
        <translation type="vanished">in the month {name}</translation>
    </message>
    <message>
        <source>bij {dim} &apos;{name}&apos;</source>
        <translation type="vanished">with {dim} &apos;{name}&apos;</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/wording.py" line="80"/>
        <source>Mogelijk strenger: {who}</source>
        <translation>Possibly stricter: {who}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/wording.py" line="81"/>
        <source>Mogelijk milder: {who}</source>
        <translation>Possibly milder: {who}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/wording.py" line="88"/>
        <source>Telling: {s}× strenger en {m}× milder dan de ladder, van {n}; bij de rest {rs}× strenger en {rm}× milder, van {rn}.</source>
        <translation>Count: {s}× stricter and {m}× milder than the ladder, out of {n}; for the rest {rs}× stricter and {rm}× milder, out of {rn}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/wording.py" line="129"/>
        <source>Detail: {d}.</source>
        <translation>Detail: {d}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/wording.py" line="178"/>
        <source>{calm} van de {taught} gegeven lessen zonder één correctie; opgemerkt worden telt per gegeven les.</source>
        <translation>{calm} of {taught} lessons taught without a single correction; being noticed is counted per lesson taught.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/wording.py" line="186"/>
        <source>Alleen de {n} lessen waarin je iets noteerde zijn bekend; importeer je rooster (Instellingen › Rooster en beltijden) om ook de rustige lessen mee te tellen.</source>
        <translation>Only the {n} lessons in which you logged something are known; import your timetable (Settings › Timetable and bell times) to count the calm lessons too.</translation>
    </message>
    <message>
        <source>vrij zeker geen toeval</source>
        <translation type="vanished">fairly sure this is not chance</translation>
    </message>
    <message>
        <source>waarschijnlijk geen toeval</source>
        <translation type="vanished">probably not chance</translation>
    </message>
    <message>
        <source>onzeker, dit kan toeval zijn</source>
        <translation type="vanished">uncertain, this may be chance</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/wording.py" line="113"/>
        <source>Hoe zeker: {w}.</source>
        <translation>How sure: {w}.</translation>
    </message>
    <message>
        <source>In gewone woorden: verhoudingsgewijs {x}× zo vaak strenger (in plaats van milder) als bij de rest; met 95 % zekerheid tussen {lo}× en {hi}×.</source>
        <translation type="vanished">In plain words: proportionally {x}× as often stricter (rather than milder) as with the rest; with 95 % certainty between {lo}× and {hi}×.</translation>
    </message>
    <message>
        <source>In gewone woorden: verhoudingsgewijs {x}× zo vaak milder (in plaats van strenger) als bij de rest; met 95 % zekerheid tussen {lo}× en {hi}×.</source>
        <translation type="vanished">In plain words: proportionally {x}× as often milder (rather than stricter) as with the rest; with 95 % certainty between {lo}× and {hi}×.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/wording.py" line="136"/>
        <source>Een patroon in je eigen logboek: geen oordeel over de leerling, geen bewijs van vooroordeel.</source>
        <translation>A pattern in your own log: not a judgement of the student, not proof of bias.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/wording.py" line="139"/>
        <source>Een patroon in je eigen logboek: geen oordeel over leerlingen, geen bewijs van vooroordeel.</source>
        <translation>A pattern in your own log: not a judgement of students, not proof of bias.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/wording.py" line="145"/>
        <source>van {a} tot en met {b}</source>
        <translation>from {a} to {b} inclusive</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/wording.py" line="151"/>
        <source>Nog geen incidenten in dit schooljaar ({period}). Log een paar weken gewoon door; daarna verschijnen hier patronen, als die er zijn.</source>
        <translation>No incidents in this school year yet ({period}). Just keep logging for a few weeks; patterns will appear here, if there are any.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/wording.py" line="157"/>
        <source>Geen mogelijke blinde vlekken gevonden in {n} incidenten bij {s} leerlingen ({period}). Bij dezelfde afspraak en keer reageerde je niet aantoonbaar anders op een leerling, groep of moment.</source>
        <translation>No possible blind spots found in {n} incidents involving {s} students ({period}). For the same rule and strike, you did not respond measurably differently to any student, group or moment.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/wording.py" line="163"/>
        <source>Met zo weinig incidenten ziet de app alleen grote verschillen; kleine kunnen er nog zijn.</source>
        <translation>With so few incidents the app can only see large differences; small ones may still be there.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/wording.py" line="167"/>
        <source>Dat is geen bewijs dat alles gelijk gaat, wel een goed teken.</source>
        <translation>That is no proof that everything is even, but it is a good sign.</translation>
    </message>
</context>
<context>
    <name>BlindSpotCard</name>
    <message>
        <location filename="../../app/ui/pages/reflection/blind_spots.py" line="48"/>
        <source>Raakt veiligheid</source>
        <extracomment>the teacher asked for the incidents behind this finding</extracomment>
        <translation>Involves safety</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/blind_spots.py" line="53"/>
        <source>Bij dit patroon horen incidenten rond veiligheidsafspraken; daarom staat het bovenaan.</source>
        <translation>This pattern includes incidents around safety rules; that is why it is at the top.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/reflection/blind_spots.py" line="69"/>
        <source>Toon de incidenten (%n)</source>
        <extracomment>the counts and percentages first, in the words of the audit&apos;s own explanation the details: both directions counted, and the odds ratio with its interval</extracomment>
        <translation>
            <numerusform>Show the incident (%n)</numerusform>
            <numerusform>Show the incidents (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/blind_spots.py" line="70"/>
        <source>Toon de incidenten achter dit patroon</source>
        <translation>Show the incidents behind this pattern</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/blind_spots.py" line="72"/>
        <source>Voorbereide keuze…</source>
        <translation>Prepared choice…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/blind_spots.py" line="74"/>
        <source>Bedenk nu wat je doet als deze situatie zich weer voordoet: als …, dan …</source>
        <translation>Decide now what you will do when this situation comes up again: if …, then …</translation>
    </message>
</context>
<context>
    <name>BlindSpotsView</name>
    <message>
        <location filename="../../app/ui/pages/reflection/blind_spots.py" line="102"/>
        <source>Mogelijke blinde vlekken</source>
        <extracomment>forwarded from a card: the estimate whose incidents to show</extracomment>
        <translation>Possible blind spots</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/blind_spots.py" line="105"/>
        <source>Patronen in je eigen logboek waar je bij dezelfde afspraak en keer anders reageerde. Een vraag om over na te denken, geen oordeel.</source>
        <translation>Patterns in your own log where you responded differently to the same rule and strike. A question to think about, not a judgement.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/reflection/blind_spots.py" line="155"/>
        <source>Nog %n andere mogelijke patronen; eerst deze, de rest komt later aan bod.</source>
        <extracomment>the follow-up question (issue #16): parents informed as often at the same rule and step</extracomment>
        <translation>
            <numerusform>%n more possible pattern; these first, the rest will follow later.</numerusform>
            <numerusform>%n more possible patterns; these first, the rest will follow later.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseCardsEditor</name>
    <message>
        <location filename="../../app/ui/pages/team/options_panel.py" line="45"/>
        <source>Casussen voor de bespreking (hoogstens drie)</source>
        <extracomment>a case or its description changed</extracomment>
        <translation>Cases for the discussion (at most three)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/options_panel.py" line="49"/>
        <source>Alleen de afspraak, de hoeveelste keer, wat je deed en wat afgesproken was gaan mee, met je eigen korte beschrijving. Nooit de naam, de datum of je notitie.</source>
        <translation>Only the rule, the strike, what you did and what was agreed are included, with your own short description. Never the name, the date or your note.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/options_panel.py" line="60"/>
        <source>Casus %1: incident</source>
        <translation>Case %1: incident</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/options_panel.py" line="64"/>
        <source>Beschrijf de situatie kort, zonder namen</source>
        <translation>Describe the situation briefly, without names</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/options_panel.py" line="65"/>
        <source>Casus %1: beschrijving</source>
        <translation>Case %1: description</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/options_panel.py" line="80"/>
        <source>strenger</source>
        <translation>stricter</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/options_panel.py" line="81"/>
        <source>milder</source>
        <translation>milder</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/options_panel.py" line="82"/>
        <source>volgens afspraak</source>
        <translation>as agreed</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/options_panel.py" line="88"/>
        <source>(geen casus)</source>
        <translation>(no case)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/options_panel.py" line="91"/>
        <source>%1 · %2 · %3 · %4 · %5e keer · %6, afgesproken %7 (%8)</source>
        <translation>%1 · %2 · %3 · %4 · strike %5 · %6, agreed %7 (%8)</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4e keer · %5, afgesproken %6 (%7)</source>
        <translation type="vanished">%1 · %2 · %3 · strike %4 · %5, agreed %6 (%7)</translation>
    </message>
</context>
<context>
    <name>ChartCanvas</name>
    <message>
        <location filename="../../app/ui/widgets/chart_canvas.py" line="72"/>
        <source>Bewaren als…</source>
        <extracomment>drawn canvases kept per chart slot, so going back to a week only repaints a file was written by the export (chart, scroll area, canvas), most recent last</extracomment>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/chart_canvas.py" line="73"/>
        <source>Bewaar deze grafiek als PNG-afbeelding of SVG-tekening</source>
        <translation>Save this chart as a PNG image or an SVG drawing</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/chart_canvas.py" line="151"/>
        <source>Bewaard als %1</source>
        <translation>Saved as %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/chart_canvas.py" line="158"/>
        <source>PNG-afbeelding (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/chart_canvas.py" line="158"/>
        <source>SVG-tekening (*.svg)</source>
        <translation>SVG drawing (*.svg)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/chart_canvas.py" line="160"/>
        <source>Grafiek bewaren</source>
        <translation>Save chart</translation>
    </message>
</context>
<context>
    <name>ChoiceCard</name>
    <message>
        <location filename="../../app/ui/pages/reflection/choices_view.py" line="51"/>
        <source>Keuze %1, sinds %2</source>
        <translation>Choice %1, since %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/choices_view.py" line="58"/>
        <source>Begint na deze week; de opvolging volgt dan.</source>
        <translation>Starts after this week; the follow-up comes then.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/choices_view.py" line="67"/>
        <source>Je zei deze week: nog nodig.</source>
        <translation>You said this week: still needed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/choices_view.py" line="67"/>
        <source>Nog nodig, deze week?</source>
        <translation>Still needed, this week?</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/choices_view.py" line="72"/>
        <source>Ja, houden</source>
        <translation>Yes, keep</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/choices_view.py" line="74"/>
        <source>Nee, afsluiten</source>
        <translation>No, close</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/choices_view.py" line="75"/>
        <source>Aanpassen…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/choices_view.py" line="84"/>
        <source>Voorbereide keuze %1</source>
        <translation>Prepared choice %1</translation>
    </message>
</context>
<context>
    <name>ChoiceDialog</name>
    <message>
        <location filename="../../app/ui/pages/reflection/choice_dialog.py" line="91"/>
        <source>Voorbereide keuze</source>
        <translation>Prepared choice</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/choice_dialog.py" line="91"/>
        <source>Keuze aanpassen</source>
        <translation>Change choice</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/choice_dialog.py" line="94"/>
        <source>— niet van belang —</source>
        <translation>— does not matter —</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/choice_dialog.py" line="97"/>
        <source>Een voorbereide keuze: als deze situatie zich voordoet, dan doe ik dit. Kies waarin de situatie zit (één ding of een combinatie) en schrijf in je eigen woorden wat je dan doet.</source>
        <translation>A prepared choice: if this situation comes up, then I will do this. Choose what the situation is about (one thing or a combination) and write in your own words what you will do.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/choice_dialog.py" line="114"/>
        <source>%1e lesuur</source>
        <translation>period %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/choice_dialog.py" line="125"/>
        <source>— eigen woorden —</source>
        <translation>— my own words —</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/choice_dialog.py" line="129"/>
        <source>Wat doe je dan?</source>
        <translation>What will you do then?</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/choice_dialog.py" line="144"/>
        <source>Leerling</source>
        <translation>Student</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/choice_dialog.py" line="145"/>
        <source>Klas</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/choice_dialog.py" line="146"/>
        <source>Kenmerk</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/choice_dialog.py" line="147"/>
        <source>Afspraak</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/choice_dialog.py" line="148"/>
        <source>Dag</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/choice_dialog.py" line="149"/>
        <source>Lesuur</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/choice_dialog.py" line="150"/>
        <source>Sfeer van de les</source>
        <translation>Mood of the lesson</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/choice_dialog.py" line="151"/>
        <source>Mijn energie</source>
        <translation>My energy</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/choice_dialog.py" line="152"/>
        <source>Voorstel</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/choice_dialog.py" line="153"/>
        <source>Dan doe ik</source>
        <translation>Then I will</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/choice_dialog.py" line="154"/>
        <source>Geldt vanaf</source>
        <translation>Holds from</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/choice_dialog.py" line="162"/>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/choice_dialog.py" line="163"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/choice_dialog.py" line="215"/>
        <source>Kies minstens één ding waarin de situatie zit.</source>
        <translation>Choose at least one thing the situation is about.</translation>
    </message>
</context>
<context>
    <name>ChoiceReminder</name>
    <message>
        <location filename="../../app/ui/pages/log/reminder.py" line="105"/>
        <source>Jouw voorbereide keuze — %1: %2</source>
        <translation>Your prepared choice — %1: %2</translation>
    </message>
</context>
<context>
    <name>ChoicesView</name>
    <message>
        <location filename="../../app/ui/pages/reflection/choices_view.py" line="101"/>
        <source>Voorbereide keuzes</source>
        <translation>Prepared choices</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/choices_view.py" line="102"/>
        <source>Nieuwe keuze…</source>
        <translation>New choice…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/choices_view.py" line="108"/>
        <source>Nog geen voorbereide keuze. Maak er een vanuit een blinde vlek hierboven, of met &apos;Nieuwe keuze…&apos;: als deze situatie zich voordoet, dan doe ik dit.</source>
        <translation>No prepared choice yet. Make one from a blind spot above, or with &apos;New choice…&apos;: if this situation comes up, then I will do this.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/reflection/choices_view.py" line="149"/>
        <source>Eerdere keuzes (%n)</source>
        <translation>
            <numerusform>Earlier choice (%n)</numerusform>
            <numerusform>Earlier choices (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/choices_view.py" line="153"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>ClassesBox</name>
    <message>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="42"/>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="46"/>
        <source>Klassen</source>
        <extracomment>item data role holding a class id in the class list</extracomment>
        <translation>Classes</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="48"/>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="49"/>
        <source>Toon gearchiveerde klassen</source>
        <translation>Show archived classes</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="51"/>
        <source>Naam van de klas</source>
        <translation>Name of the class</translation>
    </message>
    <message>
        <source>nieuwe klas of nieuwe naam, bijv. 2A</source>
        <translation type="vanished">new class or new name, e.g. 2A</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="52"/>
        <source>klasnaam, bijv. 2A</source>
        <translation>class name, e.g. 2A</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="53"/>
        <source>De naam voor een nieuwe klas, of de nieuwe naam van de gekozen klas.</source>
        <translation>The name for a new class, or the new name of the chosen class.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="54"/>
        <source>Klas toevoegen</source>
        <translation>Add class</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="55"/>
        <source>Hernoemen</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="55"/>
        <source>Gekozen klas hernoemen</source>
        <translation>Rename the chosen class</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="56"/>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="118"/>
        <source>Archiveren</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="56"/>
        <source>Gekozen klas archiveren</source>
        <translation>Archive the chosen class</translation>
    </message>
    <message>
        <source>{name}  ({n} leerlingen)</source>
        <translation type="vanished">{name}  ({n} students)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="97"/>
        <source>[gearchiveerd]</source>
        <translation>[archived]</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="118"/>
        <source>Terugzetten</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="148"/>
        <source>Er is al een klas {name}.</source>
        <translation>There is already a class {name}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="132"/>
        <source>Klas {name} toegevoegd.</source>
        <translation>Class {name} added.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="91"/>
        <source>1 leerling</source>
        <translation>1 student</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="93"/>
        <source>{n} leerlingen</source>
        <translation>{n} students</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="150"/>
        <source>Die is gearchiveerd: zet hem terug met &apos;Toon gearchiveerde klassen&apos;.</source>
        <translation>That class is archived: bring it back with &apos;Show archived classes&apos;.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="160"/>
        <source>Typ eerst de nieuwe naam in het veld boven de knoppen.</source>
        <translation>First type the new name in the field above the buttons.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="171"/>
        <source>Klas hernoemd.</source>
        <translation>Class renamed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="181"/>
        <source>Klas {name} teruggezet.</source>
        <translation>Class {name} restored.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="181"/>
        <source>Klas {name} gearchiveerd.</source>
        <translation>Class {name} archived.</translation>
    </message>
</context>
<context>
    <name>ClassesTab</name>
    <message>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="201"/>
        <source>Leerlingen van de gekozen klas</source>
        <extracomment>True while _follow switches the class list to a saved student&apos;s class</extracomment>
        <translation>Students of the chosen class</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="214"/>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="215"/>
        <source>Toon gearchiveerde leerlingen</source>
        <translation>Show archived students</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="216"/>
        <source>&amp;Importeer leerlinglijst…</source>
        <translation>&amp;Import student list…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="216"/>
        <source>Leerlinglijst importeren</source>
        <translation>Import a student list</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="219"/>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="272"/>
        <source>Leerlingen</source>
        <translation>Students</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="262"/>
        <source>Begin met een klas: typ links een naam en kies &apos;Klas toevoegen&apos;. Of importeer een leerlinglijst (CSV of Excel uit de leerlingadministratie): de klassen komen vanzelf mee.</source>
        <translation>Start with a class: type a name on the left and choose &apos;Add class&apos;. Or import a student list (CSV or Excel from the student administration): the classes come along automatically.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="270"/>
        <source>Leerlingen van {name}</source>
        <translation>Students of {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="327"/>
        <source>Leerlinglijst kiezen</source>
        <translation>Choose a student list</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/classes_tab.py" line="329"/>
        <source>Leerlinglijsten (*.csv *.xlsx *.txt);;Alle bestanden (*)</source>
        <translation>Student lists (*.csv *.xlsx *.txt);;All files (*)</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <location filename="../../app/ui/pages/team/compare_panel.py" line="43"/>
        <source>Verzamel de uitwisselingsbestanden (team-uitwisseling.json) van je collega&apos;s. Er staan geen leerlinggegevens in; de docenten worden A, B, C… in de volgorde van de lijst.</source>
        <translation>Collect your colleagues&apos; exchange files (team-uitwisseling.json). They contain no student data; the teachers become A, B, C… in the order of the list.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/compare_panel.py" line="49"/>
        <source>Gekozen uitwisselingsbestanden</source>
        <translation>Chosen exchange files</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/compare_panel.py" line="51"/>
        <source>Bestanden toevoegen…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/compare_panel.py" line="52"/>
        <source>Verwijderen uit de lijst</source>
        <translation>Remove from the list</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/compare_panel.py" line="53"/>
        <source>Vergelijken</source>
        <translation>Compare</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/compare_panel.py" line="54"/>
        <source>Opslaan als PDF en CSV…</source>
        <translation>Save as PDF and CSV…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/compare_panel.py" line="63"/>
        <source>Afspraak</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/compare_panel.py" line="63"/>
        <source>Oordeel</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/compare_panel.py" line="63"/>
        <source>p (BH)</source>
        <translation>p (BH)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/compare_panel.py" line="63"/>
        <source>Toelichting</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/compare_panel.py" line="70"/>
        <source>Vergelijking per afspraak</source>
        <translation>Comparison per rule</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/compare_panel.py" line="124"/>
        <source>Uitwisselingsbestanden kiezen</source>
        <translation>Choose exchange files</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/compare_panel.py" line="124"/>
        <source>Team-uitwisseling (*.json)</source>
        <translation>Team exchange (*.json)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/compare_panel.py" line="145"/>
        <source>Bezig met vergelijken…</source>
        <translation>Comparing…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/compare_panel.py" line="157"/>
        <source>Vergelijken mislukte: %1</source>
        <translation>Comparison failed: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/compare_panel.py" line="172"/>
        <source>%1 docenten, %2 gedeelde afspraken vergeleken.</source>
        <translation>%1 teachers, %2 shared rules compared.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/compare_panel.py" line="180"/>
        <source>Map kiezen voor de teamvergelijking</source>
        <translation>Choose a folder for the team comparison</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/compare_panel.py" line="197"/>
        <source>Opgeslagen in %1: %2</source>
        <translation>Saved in %1: %2</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../app/ui/pages/log/composer.py" line="32"/>
        <source>&amp;Notitie (optioneel, privé)</source>
        <translation>&amp;Note (optional, private)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/composer.py" line="36"/>
        <source>Kort, privé: blijft op deze computer</source>
        <translation>Short, private: stays on this computer</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/composer.py" line="38"/>
        <source>Deze notitie is privé: ze blijft op deze computer en gaat nooit mee in een teamexport.</source>
        <translation>This note is private: it stays on this computer and is never included in a team export.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/composer.py" line="40"/>
        <source>Notitie bij het incident, privé</source>
        <translation>Note on the incident, private</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/composer.py" line="42"/>
        <source>★ Compliment (P)</source>
        <translation>★ Praise (P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/composer.py" line="44"/>
        <source>Compliment geven aan de gekozen leerling</source>
        <translation>Give praise to the chosen student</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/composer.py" line="45"/>
        <source>Slaat een compliment op voor de gekozen leerling (toets P).</source>
        <translation>Saves praise for the chosen student (key P).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/composer.py" line="46"/>
        <source>Opslaan (Enter)</source>
        <translation>Save (Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/composer.py" line="48"/>
        <source>Incident opslaan</source>
        <translation>Save incident</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/composer.py" line="73"/>
        <source>Nog geen leerling gekozen</source>
        <translation>No student chosen yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/composer.py" line="79"/>
        <source>Gekozen leerling: {name}</source>
        <translation>Chosen student: {name}</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="88"/>
        <source>Versleuteling</source>
        <translation>Encryption</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="91"/>
        <source>&amp;Versleutelen…</source>
        <translation>&amp;Encrypt…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="92"/>
        <source>Wachtwoord wij&amp;zigen…</source>
        <translation>Change pass&amp;word…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="105"/>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="117"/>
        <source>Back-ups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="108"/>
        <source>Gemaakt</source>
        <translation>Made</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="108"/>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="108"/>
        <source>Bestand</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="121"/>
        <source> dagen</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="122"/>
        <source>Automatische back-ups bewaren</source>
        <translation>Keep automatic backups for</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="124"/>
        <source>Nu een &amp;back-up maken</source>
        <translation>Make a &amp;backup now</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="125"/>
        <source>Te&amp;rugzetten…</source>
        <translation>Re&amp;store…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="126"/>
        <source>Back-up verwij&amp;deren…</source>
        <translation>Delete bac&amp;kup…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="127"/>
        <source>Back-up naar bestand…</source>
        <translation>Backup to file…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="128"/>
        <source>Ander bestand terugzetten…</source>
        <translation>Restore another file…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="135"/>
        <source>Automatische back-ups (één per dag) bewaren:</source>
        <translation>Keep automatic backups (one a day) for:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/privacy_actions.py" line="51"/>
        <source>Een leerling vergeten</source>
        <translation>Forget a student</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/privacy_actions.py" line="53"/>
        <source>Wist de leerling met alle incidenten, complimenten en kenmerken, en haalt de naam uit notities. Dit kan niet ongedaan worden gemaakt.</source>
        <translation>Erases the student with all incidents, praise and attributes, and removes the name from notes. This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/privacy_actions.py" line="60"/>
        <source>Leerling om te wissen</source>
        <translation>Student to erase</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/privacy_actions.py" line="61"/>
        <source>Leerling &amp;wissen…</source>
        <translation>Erase st&amp;udent…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/privacy_actions.py" line="66"/>
        <source>Deze back-ups verwijderen…</source>
        <translation>Delete these backups…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/privacy_actions.py" line="79"/>
        <source>Een schooljaar afsluiten</source>
        <translation>Close a school year</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/privacy_actions.py" line="84"/>
        <source>Schooljaar (beginjaar)</source>
        <translation>School year (starting year)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/privacy_actions.py" line="88"/>
        <source>Arc&amp;hiveren (versleuteld)…</source>
        <translation>Arc&amp;hive (encrypted)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/privacy_actions.py" line="89"/>
        <source>Schooljaar wisse&amp;n…</source>
        <translation>Erase school &amp;year…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/privacy_actions.py" line="93"/>
        <source>Schooljaar dat begint in augustus</source>
        <translation>School year starting in August</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="170"/>
        <source>Archief opslaan</source>
        <translation>Save archive</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="170"/>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="179"/>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="183"/>
        <source>Logboek (*.db)</source>
        <translation>Log (*.db)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="179"/>
        <source>Back-up opslaan</source>
        <translation>Save backup</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="183"/>
        <source>Back-up terugzetten</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="196"/>
        <source>Dit logboek is versleuteld met een wachtwoord, net als de back-ups.</source>
        <translation>This log is encrypted with a password, and so are the backups.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="200"/>
        <source>Dit logboek is niet versleuteld. Aanbevolen: beveilig het met een wachtwoord.</source>
        <translation>This log is not encrypted. Recommended: protect it with a password.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="203"/>
        <source>Versleuteling is op deze computer niet beschikbaar.</source>
        <translation>Encryption is not available on this computer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/privacy_actions.py" line="113"/>
        <source>Deze back-ups bevatten de gewiste leerling nog:</source>
        <translation>These backups still contain the erased student:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/privacy_actions.py" line="123"/>
        <source>{start} tot {end}: {l} lessen, {i} incidenten, {p} complimenten, {r} reflecties.</source>
        <translation>{start} to {end}: {l} lessons, {i} incidents, {p} praise, {r} reflections.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="234"/>
        <source>Kies eerst een back-up in de lijst.</source>
        <translation>First choose a backup in the list.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="255"/>
        <source>Het logboek en de back-ups zijn versleuteld.</source>
        <translation>The log and the backups are encrypted.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="270"/>
        <source>Het wachtwoord is gewijzigd, ook voor de back-ups.</source>
        <translation>The password has been changed, for the backups too.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="277"/>
        <source>Bewaartermijn opgeslagen.</source>
        <translation>Retention period saved.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="289"/>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="333"/>
        <source>Back-up gemaakt: {p}</source>
        <translation>Backup made: {p}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="302"/>
        <source>De back-up {name} vervangt het huidige logboek. Het huidige logboek wordt eerst zelf als back-up bewaard. Doorgaan?</source>
        <translation>The backup {name} replaces the current log. The current log is first kept as a backup itself. Continue?</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="315"/>
        <source>De back-up is teruggezet.</source>
        <translation>The backup has been restored.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="325"/>
        <source>{p} bestaat al; kies een nieuwe naam.</source>
        <translation>{p} already exists; choose a new name.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/data_panel.py" line="346"/>
        <source>Back-up {name} verwijderen?</source>
        <translation>Delete backup {name}?</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/privacy_actions.py" line="143"/>
        <source>{who} en al zijn of haar gegevens definitief wissen?</source>
        <translation>Erase {who} and all of their data for good?</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/privacy_actions.py" line="154"/>
        <source>Gewist: {i} incidenten, {p} complimenten; naam uit {x} teksten gehaald.</source>
        <translation>Erased: {i} incidents, {p} praise; name removed from {x} texts.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/privacy_actions.py" line="167"/>
        <source>{n} back-up(s) met de gewiste leerling verwijderen?</source>
        <translation>Delete {n} backup(s) containing the erased student?</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/privacy_actions.py" line="191"/>
        <source>Gearchiveerd in {p}. Bewaar het wachtwoord goed.</source>
        <translation>Archived in {p}. Keep the password safe.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/privacy_actions.py" line="199"/>
        <source>Alle lessen, incidenten, complimenten en reflecties van schooljaar {y} definitief wissen? Leerlingen die daarna geen gegevens meer hebben, worden ook gewist. Archiveer eerst als je het jaar wilt bewaren.</source>
        <translation>Erase all lessons, incidents, praise and reflections of school year {y} for good? Students who have no data left afterwards are erased too. Archive first if you want to keep the year.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/privacy_actions.py" line="214"/>
        <source>Schooljaar gewist: {i} incidenten. Oudere back-ups bevatten het nog.</source>
        <translation>School year erased: {i} incidents. Older backups still contain it.</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Er zijn nog geen klassen of leerlingen.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Voeg ze toe bij Instellingen, of lees een klaslijst in met&lt;br&gt;&lt;code&gt;fair-strictness import-roster klaslijst.csv&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Eerst rondkijken met verzonnen gegevens kan ook:&lt;br&gt;&lt;code&gt;fair-strictness --db proef.db demo&lt;/code&gt;&lt;/p&gt;</source>
        <extracomment>the user wants the Set-up page</extracomment>
        <translation type="vanished">&lt;p&gt;&lt;b&gt;There are no classes or students yet.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Add them under Set-up, or read in a class list with&lt;br&gt;&lt;code&gt;fair-strictness import-roster klaslijst.csv&lt;/code&gt;&lt;/p&gt;&lt;p&gt;You can also look around first with made-up data:&lt;br&gt;&lt;code&gt;fair-strictness --db proef.db demo&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/empty_state.py" line="19"/>
        <source>&lt;p&gt;&lt;b&gt;Er zijn nog geen klassen of leerlingen.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Voeg ze toe of lees een klaslijst in bij Instellingen.&lt;/p&gt;&lt;p&gt;Eerst rondkijken met verzonnen gegevens? Kies &lt;i&gt;Help › Welkom&lt;/i&gt; en dan het demojaar.&lt;/p&gt;</source>
        <extracomment>the user wants the Set-up page</extracomment>
        <translation>&lt;p&gt;&lt;b&gt;There are no classes or students yet.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Add them or read in a class list under Set-up.&lt;/p&gt;&lt;p&gt;Look around with made-up data first? Choose &lt;i&gt;Help › Welcome&lt;/i&gt;, then the demo year.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/empty_state.py" line="30"/>
        <source>Naar Instellingen</source>
        <translation>Go to Set-up</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/empty_state.py" line="31"/>
        <source>Naar de pagina Instellingen</source>
        <translation>Go to the Set-up page</translation>
    </message>
</context>
<context>
    <name>ExportOptionsPanel</name>
    <message>
        <location filename="../../app/ui/pages/team/options_panel.py" line="131"/>
        <source>Alleen deze periode (anders alles)</source>
        <extracomment>any choice changed (the preview is out of date) the period changed (the case list must be reloaded)</extracomment>
        <translation>Only this period (otherwise everything)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/options_panel.py" line="134"/>
        <source>Vanaf</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/options_panel.py" line="134"/>
        <source>Tot en met</source>
        <translation>Up to and including</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/options_panel.py" line="147"/>
        <source>t/m</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/options_panel.py" line="154"/>
        <source>Rijen per leerling (schuilnamen)</source>
        <translation>Rows per student (pseudonyms)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/options_panel.py" line="157"/>
        <source>Onder willekeurige schuilnamen, bij elke export nieuw. Leerlingen met minder dan 5 incidenten gaan samen in &apos;overig&apos;.</source>
        <translation>Under random pseudonyms, new for every export. Students with fewer than 5 incidents are put together under &apos;other&apos;.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/options_panel.py" line="164"/>
        <source>Wat gaat mee</source>
        <extracomment>which sections go out (all by default; remembered by the page)</extracomment>
        <translation>What goes out</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/options_panel.py" line="173"/>
        <source>Eén bespreekpunt per regel, zonder namen</source>
        <translation>One discussion point per line, without names</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/options_panel.py" line="174"/>
        <location filename="../../app/ui/pages/team/options_panel.py" line="187"/>
        <source>Bespreekpunten</source>
        <translation>Discussion points</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/options_panel.py" line="184"/>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
</context>
<context>
    <name>FeedbackBar</name>
    <message>
        <location filename="../../app/ui/pages/log/feedback_bar.py" line="35"/>
        <source>Opgeslagen: {name} · {rule} · {step} — {n}e keer deze les</source>
        <translation>Saved: {name} · {rule} · {step} — strike {n} this lesson</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/feedback_bar.py" line="42"/>
        <source>volgens afspraak</source>
        <translation>as agreed</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/feedback_bar.py" line="44"/>
        <source>strenger dan afgesproken (afspraak: {agreed})</source>
        <translation>stricter than agreed (agreed: {agreed})</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/feedback_bar.py" line="48"/>
        <source>milder dan afgesproken (afspraak: {agreed})</source>
        <translation>milder than agreed (agreed: {agreed})</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/feedback_bar.py" line="51"/>
        <source>(met notitie)</source>
        <translation>(with note)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/feedback_bar.py" line="76"/>
        <source>Typ een naam om te beginnen. Esc gaat een stap terug, Ctrl+Z maakt ongedaan.</source>
        <translation>Type a name to start. Esc steps back, Ctrl+Z undoes.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/feedback_bar.py" line="82"/>
        <source>Laatste melding</source>
        <translation>Last message</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/feedback_bar.py" line="83"/>
        <source>Ongedaan maken</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/feedback_bar.py" line="85"/>
        <source>Laatste opslag ongedaan maken</source>
        <translation>Undo the last save</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/feedback_bar.py" line="87"/>
        <source>Maakt de laatst opgeslagen regel ongedaan (Ctrl+Z), ook na herstarten.</source>
        <translation>Undoes the last saved entry (Ctrl+Z), also after a restart.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/feedback_bar.py" line="92"/>
        <source>✓ Leerling &amp;gesproken</source>
        <translation>✓ Student &amp;spoken to</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/feedback_bar.py" line="95"/>
        <source>De consequentie is met de leerling besproken (Alt+G).</source>
        <translation>The consequence was talked through with the student (Alt+G).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/feedback_bar.py" line="101"/>
        <source>&amp;Ouders geïnformeerd</source>
        <translation>&amp;Parents informed</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/feedback_bar.py" line="103"/>
        <source>Kies hoe de ouders zijn geïnformeerd (Alt+O).</source>
        <translation>Choose how the parents were informed (Alt+O).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/feedback_bar.py" line="156"/>
        <source>Compliment opgeslagen voor {name}.</source>
        <translation>Praise saved for {name}.</translation>
    </message>
</context>
<context>
    <name>FollowUpActions</name>
    <message>
        <location filename="../../app/ui/widgets/follow_up_actions.py" line="34"/>
        <source>Ouders vóór de leerling</source>
        <translation>Parents before the student</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/follow_up_actions.py" line="35"/>
        <source>Eerst de leerling, dan de ouders. Waarom nu eerst de ouders (bijvoorbeeld veiligheid)?</source>
        <translation>The student first, then the parents. Why the parents first now (for example safety)?</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/follow_up_actions.py" line="61"/>
        <source>Niets veranderd: eerst met de leerling praten.</source>
        <translation>Nothing changed: talk with the student first.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/follow_up_actions.py" line="85"/>
        <source>leerling gesproken</source>
        <translation>student spoken to</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/follow_up_actions.py" line="85"/>
        <source>leerling nog niet gesproken</source>
        <translation>student not spoken to yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/follow_up_actions.py" line="87"/>
        <source>ouders geïnformeerd (%1)</source>
        <translation>parents informed (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/follow_up_actions.py" line="91"/>
        <source>ouders nog niet geïnformeerd</source>
        <translation>parents not informed yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/follow_up_actions.py" line="92"/>
        <source>Nazorg: %1, %2.</source>
        <translation>Follow-up: %1, %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/follow_up_actions.py" line="112"/>
        <source>Leerling gesproken</source>
        <translation>Student spoken with</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/follow_up_actions.py" line="118"/>
        <source>Ouders geïnformeerd</source>
        <translation>Parents informed</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/follow_up_actions.py" line="139"/>
        <source>Leerling gesproken: bewaard.</source>
        <translation>Student spoken to: saved.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/follow_up_actions.py" line="146"/>
        <source>Ouders geïnformeerd: bewaard.</source>
        <translation>Parents informed: saved.</translation>
    </message>
</context>
<context>
    <name>FollowUpPanel</name>
    <message>
        <location filename="../../app/ui/pages/log/followups_panel.py" line="63"/>
        <source>Nog te doen na een consequentie</source>
        <translation>Still to do after a consequence</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/followups_panel.py" line="103"/>
        <source>en nog %1 open</source>
        <translation>and %1 more open</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/followups_panel.py" line="114"/>
        <source>%1 (%2) · %3 · %4 · %5 schooldagen</source>
        <translation>%1 (%2) · %3 · %4 · %5 school days</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/followups_panel.py" line="124"/>
        <source>Al langer open dan afgesproken.</source>
        <translation>Open longer than agreed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/followups_panel.py" line="126"/>
        <source>Leerling gesproken</source>
        <translation>Student spoken with</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/followups_panel.py" line="134"/>
        <source>Ouders geïnformeerd</source>
        <translation>Parents informed</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/followups_panel.py" line="139"/>
        <location filename="../../app/ui/pages/log/followups_panel.py" line="150"/>
        <source>Tekst voor ouders</source>
        <translation>Text for parents</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/followups_panel.py" line="142"/>
        <source>Een feitelijk conceptbericht om te kopiëren; de app verstuurt niets.</source>
        <translation>A factual draft to copy; the app sends nothing.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/followups_panel.py" line="153"/>
        <source>Pas de tekst aan en kopieer hem naar het kanaal van je school. De app verstuurt niets.</source>
        <translation>Edit the text and copy it into your school&apos;s channel. The app sends nothing.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/followups_panel.py" line="162"/>
        <source>Kopiëren</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/followups_panel.py" line="189"/>
        <source>Leerling gesproken: bewaard. Daarna de ouders?</source>
        <translation>Student spoken to: saved. The parents next?</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/followups_panel.py" line="201"/>
        <source>Ouders geïnformeerd: bewaard.</source>
        <translation>Parents informed: saved.</translation>
    </message>
    <message>
        <source>Ouders vóór de leerling</source>
        <translation type="vanished">Parents before the student</translation>
    </message>
    <message>
        <source>Eerst de leerling, dan de ouders. Waarom nu eerst de ouders (bijvoorbeeld veiligheid)?</source>
        <translation type="vanished">The student first, then the parents. Why the parents first now (for example safety)?</translation>
    </message>
    <message>
        <source>Niets veranderd: eerst met de leerling praten.</source>
        <translation type="vanished">Nothing changed: talk with the student first.</translation>
    </message>
</context>
<context>
    <name>FollowUpSection</name>
    <message>
        <location filename="../../app/ui/pages/reflection/follow_up_section.py" line="34"/>
        <source>Nazorg: ouders even vaak ingelicht?</source>
        <translation>Follow-up: parents informed as often?</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/follow_up_section.py" line="71"/>
        <source>Te weinig om te vergelijken (minder dan %2 consequenties of %3 leerlingen): %1.</source>
        <translation>Too few to compare (fewer than %2 consequences or %3 students): %1.</translation>
    </message>
</context>
<context>
    <name>HistoryEditPanel</name>
    <message>
        <location filename="../../app/ui/pages/history/edit_panel.py" line="55"/>
        <source>Geselecteerde regel</source>
        <extracomment>the lesson period (lesuur); None: not known the user asked to store the fields for the selected incident the user asked to delete the selected lines</extracomment>
        <translation>Selected entry</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/edit_panel.py" line="57"/>
        <location filename="../../app/ui/pages/history/edit_panel.py" line="91"/>
        <source>Leerling</source>
        <translation>Student</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/edit_panel.py" line="59"/>
        <location filename="../../app/ui/pages/history/edit_panel.py" line="92"/>
        <source>Afspraak</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/edit_panel.py" line="61"/>
        <location filename="../../app/ui/pages/history/edit_panel.py" line="93"/>
        <source>Gegeven stap</source>
        <translation>Step given</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/edit_panel.py" line="64"/>
        <location filename="../../app/ui/pages/history/edit_panel.py" line="94"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/edit_panel.py" line="67"/>
        <location filename="../../app/ui/pages/history/edit_panel.py" line="95"/>
        <source>Tijd</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/edit_panel.py" line="69"/>
        <location filename="../../app/ui/pages/history/edit_panel.py" line="96"/>
        <source>Lesuur</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/edit_panel.py" line="71"/>
        <source>Het lesuur: een ander lesuur is een andere les (de keren tellen per les).</source>
        <translation>The period: another period is another lesson (the strikes count per lesson).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/edit_panel.py" line="77"/>
        <location filename="../../app/ui/pages/history/edit_panel.py" line="97"/>
        <source>Notitie</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/edit_panel.py" line="78"/>
        <source>Privé: blijft op deze computer</source>
        <translation>Private: stays on this computer</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/edit_panel.py" line="84"/>
        <source>Wijzigingen &amp;opslaan</source>
        <translation>Sa&amp;ve changes</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/edit_panel.py" line="85"/>
        <source>Wijzigingen opslaan</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/edit_panel.py" line="86"/>
        <source>&amp;Verwijderen</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/edit_panel.py" line="87"/>
        <source>Geselecteerde regels verwijderen</source>
        <translation>Delete the selected entries</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/edit_panel.py" line="130"/>
        <source>{name} (niet actief)</source>
        <translation>{name} (inactive)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/edit_panel.py" line="157"/>
        <source>{n} regels geselecteerd.</source>
        <translation>{n} entries selected.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/edit_panel.py" line="159"/>
        <source>Kies een regel in de tabel om die te bewerken of te verwijderen.</source>
        <translation>Choose an entry in the table to edit or delete it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/edit_panel.py" line="171"/>
        <source>★ Compliment: leerling, tijd en notitie kun je aanpassen.</source>
        <translation>★ Praise: you can change the student, time and note.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/edit_panel.py" line="207"/>
        <source>— (geen lesuur)</source>
        <translation>— (no period)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/edit_panel.py" line="209"/>
        <source>{n}e uur</source>
        <translation>period {n}</translation>
    </message>
    <message>
        <source>★ Compliment: dit kun je hier verwijderen (en terugzetten).</source>
        <translation type="vanished">★ Praise: you can delete this here (and restore it).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/edit_panel.py" line="176"/>
        <source>Volgens afspraak bij de {strike}e keer: {step}</source>
        <translation>As agreed for strike {strike}: {step}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/edit_panel.py" line="182"/>
        <source>Bewerkt op {when}</source>
        <translation>Edited on {when}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/edit_panel.py" line="190"/>
        <source>Kies een leerling uit de lijst.</source>
        <translation>Choose a student from the list.</translation>
    </message>
</context>
<context>
    <name>HistoryFilterBar</name>
    <message>
        <location filename="../../app/ui/pages/history/filters.py" line="38"/>
        <location filename="../../app/ui/pages/history/filters.py" line="161"/>
        <source>Alles</source>
        <extracomment>period presets: key -&gt; Dutch label</extracomment>
        <translation>Everything</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/filters.py" line="39"/>
        <source>Deze week</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/filters.py" line="40"/>
        <source>Deze maand</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/filters.py" line="41"/>
        <source>Laatste 30 dagen</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/filters.py" line="42"/>
        <source>Zelf kiezen</source>
        <translation>Choose dates</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/filters.py" line="160"/>
        <source>Soort tonen</source>
        <extracomment>when the typed text fits no entry: show the chosen entry again (a filter) or keep the text, so saving can say &quot;choose a student from the list&quot; (an edit) any filter changed</extracomment>
        <translation>Kind to show</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/filters.py" line="162"/>
        <source>Alleen incidenten</source>
        <translation>Incidents only</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/filters.py" line="163"/>
        <source>Alleen complimenten</source>
        <translation>Praise only</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/filters.py" line="165"/>
        <source>Filter op klas</source>
        <translation>Filter by class</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/filters.py" line="166"/>
        <source>Filter op leerling</source>
        <translation>Filter by student</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/filters.py" line="168"/>
        <source>Filter op afspraak</source>
        <translation>Filter by rule</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/filters.py" line="170"/>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/filters.py" line="175"/>
        <source>Vanaf datum</source>
        <translation>From date</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/filters.py" line="176"/>
        <source>Tot en met datum</source>
        <translation>Up to and including date</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/filters.py" line="183"/>
        <location filename="../../app/ui/pages/history/filters.py" line="184"/>
        <source>Filters wissen</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/filters.py" line="189"/>
        <source>&amp;Toon</source>
        <translation>S&amp;how</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/filters.py" line="190"/>
        <source>&amp;Klas</source>
        <translation>&amp;Class</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/filters.py" line="191"/>
        <source>&amp;Leerling</source>
        <translation>&amp;Student</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/filters.py" line="192"/>
        <source>&amp;Afspraak</source>
        <translation>&amp;Rule</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/filters.py" line="200"/>
        <source>&amp;Periode</source>
        <translation>&amp;Period</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/filters.py" line="204"/>
        <source>van</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/filters.py" line="206"/>
        <source>tot en met</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/filters.py" line="221"/>
        <source>Alle klassen</source>
        <translation>All classes</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/filters.py" line="224"/>
        <source>Alle leerlingen</source>
        <translation>All students</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/filters.py" line="230"/>
        <source>Alle afspraken</source>
        <translation>All rules</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../../app/ui/pages/history/page.py" line="74"/>
        <source>Geschiedenis van incidenten en complimenten</source>
        <extracomment>widths in characters of the font for columns of free text (the note column takes the rest) batches of deleted lines with their undo text, newest last</extracomment>
        <translation>History of incidents and praise</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/page.py" line="93"/>
        <source>Aantal getoonde regels</source>
        <translation>Number of entries shown</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/page.py" line="119"/>
        <source>Incidenten en complimenten</source>
        <extracomment>the selected consequence&apos;s follow-up: the student, then the parents (as on the Log page) every lesson, calm ones too; a lesson can be marked not taught (History › Lessen)</extracomment>
        <translation>Incidents and praise</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/page.py" line="120"/>
        <source>Lessen</source>
        <translation>Lessons</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/page.py" line="123"/>
        <source>Geschiedenis</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/page.py" line="155"/>
        <source>Sorteren op &apos;{column}&apos;</source>
        <translation>Sort by &apos;{column}&apos;</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/page.py" line="236"/>
        <source>De geschiedenis kon niet worden gelezen: {err}</source>
        <translation>The history could not be read: {err}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/page.py" line="268"/>
        <source>Nog niets gelogd: wat je op de pagina Loggen opslaat, verschijnt hier.</source>
        <translation>Nothing logged yet: what you save on the Log page appears here.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/page.py" line="274"/>
        <source>Geen regels bij deze filters ({n} in totaal). &apos;Filters wissen&apos; toont weer alles.</source>
        <translation>No entries match these filters ({n} in total). &apos;Clear filters&apos; shows everything again.</translation>
    </message>
    <message>
        <source>{i} incidenten en {p} complimenten getoond, van {n} in totaal.</source>
        <translation type="vanished">{i} incidents and {p} praise shown, out of {n} in total.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/page.py" line="280"/>
        <source>1 incident</source>
        <translation>1 incident</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/page.py" line="282"/>
        <source>{n} incidenten</source>
        <translation>{n} incidents</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/page.py" line="285"/>
        <source>1 compliment</source>
        <translation>1 praise</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/page.py" line="287"/>
        <source>{n} complimenten</source>
        <translation>{n} praise</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/page.py" line="290"/>
        <source>{incidents} en {praise} getoond, van {n} in totaal.</source>
        <translation>{incidents} and {praise} shown, out of {n} in total.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/page.py" line="346"/>
        <source>Dat tijdstip ligt in de toekomst. Kies een datum en tijd die al voorbij zijn.</source>
        <translation>That moment is in the future. Choose a date and time that have already passed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/page.py" line="356"/>
        <source>Er is niets veranderd.</source>
        <translation>Nothing has changed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/page.py" line="373"/>
        <source>Wijziging opgeslagen voor {name}.</source>
        <translation>Change saved for {name}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/page.py" line="385"/>
        <source>De klas van dit incident bestaat niet meer.</source>
        <translation>The class of this incident no longer exists.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/undoing.py" line="65"/>
        <source>Compliment voor {name} verwijderd.</source>
        <translation>Praise for {name} deleted.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/undoing.py" line="67"/>
        <source>Incident van {name} ({rule}) verwijderd.</source>
        <translation>Incident of {name} ({rule}) deleted.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/undoing.py" line="73"/>
        <source>{n} regels verwijderd.</source>
        <translation>{n} entries deleted.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/undoing.py" line="89"/>
        <source>Er is niets om ongedaan te maken.</source>
        <translation>There is nothing to undo.</translation>
    </message>
    <message>
        <source>Teruggezet: {n} regel(s).</source>
        <translation type="vanished">Restored: {n} entry/entries.</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <location filename="../../app/ui/widgets/table_models.py" line="59"/>
        <source>Wanneer</source>
        <extracomment>the raw value a column sorts on (datetime as ISO text, numbers as numbers) the whole row object (a HistoryRow or StudentInfo) light tints from the Okabe–Ito palette (colour-blind safe), always beside a symbol and words a praise shows &quot;★ Compliment&quot; in the rule column (tinted), so it stands out without a column of its own column titles (Dutch source strings, translated when shown)</extracomment>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/table_models.py" line="60"/>
        <source>Lesuur</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/table_models.py" line="61"/>
        <source>Klas</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/table_models.py" line="62"/>
        <source>Leerling</source>
        <translation>Student</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/table_models.py" line="63"/>
        <source>Afspraak</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/table_models.py" line="64"/>
        <source>Keer</source>
        <translation>Strike</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/table_models.py" line="65"/>
        <source>Gegeven stap</source>
        <translation>Step given</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/table_models.py" line="66"/>
        <source>Volgens afspraak</source>
        <translation>As agreed</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/table_models.py" line="67"/>
        <source>Afwijking</source>
        <translation>Deviation</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/table_models.py" line="68"/>
        <source>Notitie</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/table_models.py" line="69"/>
        <source>Bewerkt</source>
        <translation>Edited</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/table_models.py" line="185"/>
        <source>★ Compliment</source>
        <translation>★ Praise</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/table_models.py" line="189"/>
        <source>{n}e</source>
        <translation>{n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/table_models.py" line="226"/>
        <source>Gegeven: stap {step}; volgens afspraak bij de {strike}e keer: stap {agreed}.</source>
        <translation>Given: step {step}; as agreed for strike {strike}: step {agreed}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/table_models.py" line="234"/>
        <source>Laatst bewerkt op {when}</source>
        <translation>Last edited on {when}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/page.py" line="187"/>
        <location filename="../../app/ui/widgets/table_models.py" line="175"/>
        <source>{n}e uur</source>
        <translation>period {n}</translation>
    </message>
</context>
<context>
    <name>IncidentsBehind</name>
    <message>
        <location filename="../../app/ui/pages/reflection/incidents_panel.py" line="113"/>
        <source>Datum</source>
        <extracomment>(header, display text, sort value); the headers are translated where they are shown the column tinted by stricter / milder the value to sort on (dates and numbers sort as such) the whole record the headers, marked for translation</extracomment>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/incidents_panel.py" line="114"/>
        <source>Leerling</source>
        <translation>Student</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/incidents_panel.py" line="115"/>
        <source>Afspraak</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/incidents_panel.py" line="116"/>
        <source>Keer</source>
        <translation>Strike</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/incidents_panel.py" line="117"/>
        <source>Gegeven</source>
        <translation>Given</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/incidents_panel.py" line="118"/>
        <source>Volgens afspraak</source>
        <translation>As agreed</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/incidents_panel.py" line="119"/>
        <source>Reactie</source>
        <translation>Response</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/incidents_panel.py" line="120"/>
        <source>Lesuur</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/incidents_panel.py" line="121"/>
        <source>Klas</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/incidents_panel.py" line="122"/>
        <source>Notitie</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/incidents_panel.py" line="40"/>
        <source>volgens afspraak</source>
        <translation>as agreed</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/incidents_panel.py" line="40"/>
        <source>strenger</source>
        <translation>stricter</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/incidents_panel.py" line="40"/>
        <source>milder</source>
        <translation>milder</translation>
    </message>
</context>
<context>
    <name>IncidentsPanel</name>
    <message>
        <location filename="../../app/ui/pages/reflection/incidents_panel.py" line="131"/>
        <source>Klik op een mogelijke blinde vlek om de incidenten erachter te zien.</source>
        <translation>Click a possible blind spot to see the incidents behind it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/incidents_panel.py" line="148"/>
        <source>Incidenten achter het patroon</source>
        <translation>Incidents behind the pattern</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/incidents_panel.py" line="151"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/incidents_panel.py" line="152"/>
        <source>Incidenten sluiten</source>
        <translation>Close incidents</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/incidents_panel.py" line="165"/>
        <source>Incidenten achter: %1 (laden…)</source>
        <translation>Incidents behind: %1 (loading…)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/reflection/incidents_panel.py" line="171"/>
        <source>Incidenten achter: %1 (%n)</source>
        <translation>
            <numerusform>Incidents behind: %1 (%n)</numerusform>
            <numerusform>Incidents behind: %1 (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/incidents_panel.py" line="176"/>
        <source>Deze incidenten zijn intussen verwijderd of aangepast.</source>
        <translation>These incidents have since been deleted or changed.</translation>
    </message>
</context>
<context>
    <name>InlineMessage</name>
    <message>
        <location filename="../../app/ui/widgets/inline_message.py" line="34"/>
        <source>Melding</source>
        <extracomment>kind -&gt; (symbol, background, border): a symbol and words carry the meaning, the tint only helps a run of this many characters without a space gets an invisible break chance after it</extracomment>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>JournalWidget</name>
    <message>
        <location filename="../../app/ui/pages/reflection/journal.py" line="43"/>
        <source>Reflectie</source>
        <extracomment>the teacher pressed save (the page writes to the store) the teacher picked an earlier week to read back</extracomment>
        <translation>Reflection</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/journal.py" line="46"/>
        <source>Alleen voor jou. Kort mag; eerlijk helpt.</source>
        <translation>Just for you. Short is fine; honest helps.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/journal.py" line="52"/>
        <source>Vrij logboek: wat viel je op deze week?</source>
        <translation>Free journal: what struck you this week?</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/journal.py" line="53"/>
        <source>Vrij logboek van de week</source>
        <translation>Free journal of the week</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/journal.py" line="65"/>
        <source>Logboek</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/journal.py" line="71"/>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/journal.py" line="76"/>
        <source>Eerdere weken met een reflectie</source>
        <translation>Earlier weeks with a reflection</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/journal.py" line="83"/>
        <source>Teruglezen:</source>
        <translation>Read back:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/journal.py" line="100"/>
        <source>Reflectie – week van %1</source>
        <translation>Reflection – week of %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/journal.py" line="131"/>
        <source>Laatst opgeslagen op %1.</source>
        <translation>Last saved on %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/journal.py" line="139"/>
        <source>nog geen eerdere weken</source>
        <translation>no earlier weeks yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/journal.py" line="144"/>
        <source>week van %1</source>
        <translation>week of %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/journal.py" line="172"/>
        <source>Opgeslagen om %1.</source>
        <translation>Saved at %1.</translation>
    </message>
</context>
<context>
    <name>LadderBox</name>
    <message>
        <location filename="../../app/ui/pages/setup/ladder_box.py" line="31"/>
        <source>Escalatieladder</source>
        <translation>Escalation ladder</translation>
    </message>
    <message>
        <source>Van de lichtste reactie (stap 1) naar de zwaarste.</source>
        <translation type="vanished">From the lightest response (step 1) to the heaviest.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/ladder_box.py" line="37"/>
        <source>Van de lichtste reactie (stap 1) naar de zwaarste. Een stap die al in incidenten staat, kun je hernoemen maar niet weghalen.</source>
        <translation>From the lightest response (step 1) to the heaviest. A step already used in incidents can be renamed but not removed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/ladder_box.py" line="44"/>
        <source>Stap toevoegen</source>
        <translation>Add step</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/ladder_box.py" line="45"/>
        <source>Laatste stap weghalen</source>
        <translation>Remove last step</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/ladder_box.py" line="46"/>
        <source>Ladder &amp;opslaan</source>
        <translation>Sa&amp;ve ladder</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/ladder_box.py" line="46"/>
        <source>Ladder opslaan</source>
        <translation>Save ladder</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/ladder_box.py" line="48"/>
        <source>Terugdraaien</source>
        <translation>Revert</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/ladder_box.py" line="48"/>
        <source>Wijzigingen aan de ladder terugdraaien</source>
        <translation>Revert the changes to the ladder</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/ladder_box.py" line="80"/>
        <source>De ladder staat weer zoals opgeslagen.</source>
        <translation>The ladder is back as it was saved.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/ladder_box.py" line="95"/>
        <source>Stap {n}</source>
        <translation>Step {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/ladder_box.py" line="98"/>
        <source>Naam van stap {n}</source>
        <translation>Name of step {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/ladder_box.py" line="101"/>
        <source>Soort van stap {n}</source>
        <translation>Kind of step {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/ladder_box.py" line="133"/>
        <source>Deze afspraken beginnen (nu of in hun afbouwplan) hoger dan stap {n}: {names}. Kies daar eerst een lagere startstap, dan kun je de stap weghalen.</source>
        <translation>These rules start (now or in their phase-down plan) higher than step {n}: {names}. First choose a lower starting step for them, then you can remove the step.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/ladder_box.py" line="149"/>
        <source>Twee stappen heten &apos;{name}&apos;. Geef elke stap een eigen naam, anders zie je in de geschiedenis niet welke bedoeld is.</source>
        <translation>Two steps are called &apos;{name}&apos;. Give each step its own name, otherwise the history cannot show which one was meant.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/ladder_box.py" line="161"/>
        <source>De ladder is opgeslagen.</source>
        <translation>The ladder has been saved.</translation>
    </message>
</context>
<context>
    <name>LadderButtons</name>
    <message>
        <location filename="../../app/ui/pages/log/ladder_buttons.py" line="19"/>
        <source>volgens afspraak: {step} ({n}e keer deze les)</source>
        <translation>as agreed: {step} (strike {n} this lesson)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/ladder_buttons.py" line="37"/>
        <source>Stap op de ladder (toets om te wijzigen)</source>
        <extracomment>a step was chosen by click (its level)</extracomment>
        <translation>Step on the ladder (key to change)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/ladder_buttons.py" line="38"/>
        <location filename="../../app/ui/pages/log/ladder_buttons.py" line="88"/>
        <source>Kies eerst een leerling en een afspraak.</source>
        <translation>First choose a student and a rule.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/ladder_buttons.py" line="57"/>
        <source>waarschuwing</source>
        <translation>warning</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/ladder_buttons.py" line="57"/>
        <source>consequentie</source>
        <translation>consequence</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/ladder_buttons.py" line="60"/>
        <source>Stap {n}: {kind}</source>
        <translation>Step {n}: {kind}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/ladder_buttons.py" line="68"/>
        <source>afspraak</source>
        <translation>agreed</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/ladder_buttons.py" line="82"/>
        <source>Stap {n}: {name}</source>
        <translation>Step {n}: {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/ladder_buttons.py" line="84"/>
        <source>volgens afspraak</source>
        <translation>as agreed</translation>
    </message>
</context>
<context>
    <name>LanguageTab</name>
    <message>
        <location filename="../../app/ui/pages/setup/language_tab.py" line="33"/>
        <source>Taal van het programma</source>
        <extracomment>the QSettings key the window reads at start language code -&gt; name shown (each in its own language, so anyone can find theirs)</extracomment>
        <translation>Language of the program</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/language_tab.py" line="43"/>
        <source>De nieuwe taal geldt na het opnieuw starten van het programma.</source>
        <translation>The new language applies after the program is restarted.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/language_tab.py" line="69"/>
        <source>Datums volgen de landinstelling: vandaag is {date}.</source>
        <translation>Dates follow the regional settings: today is {date}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/language_tab.py" line="78"/>
        <source>Dit is de taal waarin het programma nu draait.</source>
        <translation>This is the language the program is running in now.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/language_tab.py" line="81"/>
        <source>Opgeslagen. Start het programma opnieuw om de nieuwe taal te zien.</source>
        <translation>Saved. Restart the program to see the new language.</translation>
    </message>
</context>
<context>
    <name>LessonBar</name>
    <message>
        <location filename="../../app/ui/pages/log/lesson_bar.py" line="57"/>
        <source>rustig</source>
        <translation>calm</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/lesson_bar.py" line="57"/>
        <source>onrustig</source>
        <translation>restless</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/lesson_bar.py" line="57"/>
        <source>gespannen</source>
        <translation>tense</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/lesson_bar.py" line="62"/>
        <source>laag</source>
        <translation>low</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/lesson_bar.py" line="62"/>
        <source>gemiddeld</source>
        <translation>medium</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/lesson_bar.py" line="62"/>
        <source>hoog</source>
        <translation>high</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/lesson_bar.py" line="83"/>
        <source>Nog eens tikken haalt de keuze weg.</source>
        <translation>Tap again to clear the choice.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/lesson_bar.py" line="119"/>
        <source>Klas</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/lesson_bar.py" line="121"/>
        <source>&amp;Klas</source>
        <translation>&amp;Class</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/lesson_bar.py" line="126"/>
        <source>Datum van de les</source>
        <translation>Date of the lesson</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/lesson_bar.py" line="130"/>
        <source>&amp;Datum</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/lesson_bar.py" line="135"/>
        <source>Lesuur</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/lesson_bar.py" line="137"/>
        <source>Incidenten van hetzelfde lesuur horen bij dezelfde les; een ander uur is een andere les.</source>
        <translation>Incidents in the same period belong to the same lesson; another period is another lesson.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/lesson_bar.py" line="149"/>
        <source>Rooster</source>
        <translation>Timetable</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/lesson_bar.py" line="152"/>
        <source>Les niet gegeven</source>
        <translation>Lesson not taught</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/lesson_bar.py" line="157"/>
        <source>Deze les uit het rooster ging niet door (uitval, toets, excursie): ze telt dan niet mee.</source>
        <translation>This lesson of the timetable did not take place (cancelled, test, trip): it then does not count.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/lesson_bar.py" line="221"/>
        <source>geen lesuur</source>
        <translation>no period</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/lesson_bar.py" line="223"/>
        <location filename="../../app/ui/pages/log/lesson_bar.py" line="382"/>
        <source>{n}e uur</source>
        <translation>period {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/lesson_bar.py" line="272"/>
        <source>nu</source>
        <translation>now</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/lesson_bar.py" line="272"/>
        <source>net afgelopen</source>
        <translation>just ended</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/lesson_bar.py" line="275"/>
        <source>volgende</source>
        <translation>next</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/lesson_bar.py" line="276"/>
        <source>geen lessen meer in het rooster</source>
        <translation>no more lessons in the timetable</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/lesson_bar.py" line="144"/>
        <source>&amp;Lesuur</source>
        <translation>&amp;Period</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/lesson_bar.py" line="161"/>
        <source>Hoe voelde de les?</source>
        <translation>How did the lesson feel?</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/lesson_bar.py" line="162"/>
        <source>Mijn energie:</source>
        <translation>My energy:</translation>
    </message>
</context>
<context>
    <name>LessonsView</name>
    <message>
        <location filename="../../app/ui/pages/history/lessons_view.py" line="70"/>
        <source>Lessen vanaf</source>
        <extracomment>how far back the list starts when the page opens the lesson to select again after a reload</extracomment>
        <translation>Lessons from</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/lessons_view.py" line="71"/>
        <source>Lessen tot en met</source>
        <translation>Lessons up to and including</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/lessons_view.py" line="77"/>
        <location filename="../../app/ui/pages/history/lessons_view.py" line="87"/>
        <location filename="../../app/ui/pages/history/lessons_view.py" line="111"/>
        <source>Klas</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/lessons_view.py" line="81"/>
        <source>Gegeven en vervallen lessen</source>
        <translation>Lessons taught and cancelled</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/lessons_view.py" line="84"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/lessons_view.py" line="85"/>
        <source>Tijd</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/lessons_view.py" line="86"/>
        <source>Lesuur</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/lessons_view.py" line="88"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/lessons_view.py" line="89"/>
        <source>Incidenten</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/lessons_view.py" line="102"/>
        <location filename="../../app/ui/pages/history/lessons_view.py" line="227"/>
        <source>Les niet gegeven</source>
        <translation>Lesson not taught</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/lessons_view.py" line="107"/>
        <source>Van</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/lessons_view.py" line="109"/>
        <source>tot en met</source>
        <translation>up to and including</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/lessons_view.py" line="133"/>
        <source>De begindatum ligt na de einddatum.</source>
        <translation>The start date is after the end date.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/lessons_view.py" line="144"/>
        <source>De lessen konden niet geladen worden.</source>
        <translation>The lessons could not be loaded.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/lessons_view.py" line="158"/>
        <source>alle klassen</source>
        <translation>all classes</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/lessons_view.py" line="173"/>
        <location filename="../../app/ui/pages/history/lessons_view.py" line="245"/>
        <source>gegeven</source>
        <translation>taught</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/lessons_view.py" line="173"/>
        <location filename="../../app/ui/pages/history/lessons_view.py" line="245"/>
        <source>niet gegeven</source>
        <translation>not taught</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/lessons_view.py" line="177"/>
        <source>%1e uur</source>
        <translation>period %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/lessons_view.py" line="198"/>
        <source>%1 van de %2 gegeven lessen zonder één correctie; %3 niet gegeven.</source>
        <translation>%1 of the %2 lessons taught without a single correction; %3 not taught.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/lessons_view.py" line="225"/>
        <source>Toch gegeven</source>
        <translation>Taught after all</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/lessons_view.py" line="242"/>
        <source>Les van %1 op %2: %3. Ctrl+Z maakt het ongedaan.</source>
        <translation>Lesson of %1 on %2: %3. Ctrl+Z undoes it.</translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <source>De pagina Instellingen is in deze versie nog niet beschikbaar.</source>
        <extracomment>QSettings key of the class shown last the step was chosen by the teacher (else it follows the agreed step, e.g. after an undo) the store changed while the page was hidden: reload when shown again milliseconds from the save key to the feedback shown, for the last save</extracomment>
        <translation type="vanished">The Set-up page is not available in this version yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/page.py" line="212"/>
        <source>Bij de les bewaard: hoe de les voelde en je eigen energie.</source>
        <extracomment>QSettings key of the class shown last the step was chosen by the teacher (else it follows the agreed step, e.g. after an undo) the store changed while the page was hidden: reload when shown again milliseconds from the save key to the feedback shown, for the last save the store changed while the page was hidden: reload when shown again</extracomment>
        <translation>Kept with the lesson: how the lesson felt and your own energy.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/page.py" line="286"/>
        <source>Kies eerst een leerling en een afspraak.</source>
        <translation>First choose a student and a rule.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/page.py" line="307"/>
        <source>Kies eerst een leerling voor een compliment.</source>
        <translation>First choose a student to praise.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/page.py" line="331"/>
        <source>Er is niets om ongedaan te maken.</source>
        <translation>There is nothing to undo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/page.py" line="384"/>
        <source>Niemand gevonden met &apos;{text}&apos;. Typ minder letters, of voeg de leerling toe bij Instellingen.</source>
        <translation>Nobody found for &apos;{text}&apos;. Type fewer letters, or add the student under Set-up.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="46"/>
        <source>Loggen</source>
        <extracomment>page key -&gt; (module, class, title); a page whose module is not there is not offered</extracomment>
        <translation>Log</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="47"/>
        <source>Geschiedenis</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="48"/>
        <source>Reflectie</source>
        <translation>Reflection</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="49"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="50"/>
        <source>Instellingen</source>
        <translation>Set-up</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="83"/>
        <source>Rechtvaardige strengheid</source>
        <translation>Fair strictness</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="92"/>
        <source>Navigatie</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="124"/>
        <source>Afsluiten</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="129"/>
        <source>Ongedaan maken</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="143"/>
        <source>Logboek openen…</source>
        <translation>Opening the log…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="225"/>
        <source>Er is niets om ongedaan te maken.</source>
        <translation>There is nothing to undo.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="50"/>
        <location filename="../../app/ui/passphrase_dialog.py" line="54"/>
        <source>Wachtwoord</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="50"/>
        <source>Wachtwoord kiezen</source>
        <translation>Choose a password</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="53"/>
        <source>Huidig wachtwoord</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="55"/>
        <source>Nog eens</source>
        <translation>Once more</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="58"/>
        <source>&amp;Huidig wachtwoord:</source>
        <translation>&amp;Current password:</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="59"/>
        <source>&amp;Wachtwoord:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="59"/>
        <source>&amp;Nieuw wachtwoord:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="61"/>
        <source>N&amp;og eens:</source>
        <translation>&amp;Repeat:</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="67"/>
        <source>Openen</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="67"/>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="69"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="81"/>
        <source>Dit logboek is versleuteld. Geef het wachtwoord om het te openen.</source>
        <translation>This log is encrypted. Enter the password to open it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="84"/>
        <source>Kies een wachtwoord van minstens 8 tekens. Zonder dit wachtwoord kan niemand het logboek lezen, ook jij niet: bewaar het op een veilige plek.</source>
        <translation>Choose a password of at least 8 characters. Without this password nobody can read the log, not even you: keep it in a safe place.</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="110"/>
        <source>Typ een wachtwoord.</source>
        <translation>Type a password.</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="114"/>
        <source>Kies een wachtwoord van minstens 8 tekens.</source>
        <translation>Choose a password of at least 8 characters.</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="117"/>
        <source>De twee wachtwoorden verschillen.</source>
        <translation>The two passwords are different.</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="129"/>
        <source>Ander bestand…</source>
        <translation>Another file…</translation>
    </message>
    <message>
        <source>Er zijn geen back-ups van dit logboek.</source>
        <translation type="vanished">There are no backups of this log.</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="133"/>
        <location filename="../../app/ui/passphrase_dialog.py" line="146"/>
        <source>Back-up terugzetten</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="133"/>
        <source>Kies een back-up:</source>
        <translation>Choose a backup:</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="143"/>
        <source>Er zijn geen back-ups van dit logboek in de map backups. Kies een back-up-bestand.</source>
        <translation>There are no backups of this log in the backups folder. Choose a backup file.</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="146"/>
        <source>Logboek (*.db)</source>
        <translation>Log (*.db)</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="173"/>
        <source>Back-up terugzetten…</source>
        <translation>Restore backup…</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="174"/>
        <source>Stoppen</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="214"/>
        <source>Aanbod: logboek beveiligen</source>
        <translation>Offer: protect the log</translation>
    </message>
    <message>
        <source>Logboek beveiligen</source>
        <translation type="vanished">Protect the log</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="216"/>
        <source>Je logboek bevat gegevens over leerlingen. Met een wachtwoord is het bestand (en elke back-up) onleesbaar voor wie het wachtwoord niet kent. Aanbevolen.</source>
        <translation>Your log contains data about students. With a password the file (and every backup) is unreadable to anyone who does not know the password. Recommended.</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="222"/>
        <source>Nu beveiligen…</source>
        <translation>Protect now…</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="223"/>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="224"/>
        <source>Niet meer vragen</source>
        <translation>Do not ask again</translation>
    </message>
</context>
<context>
    <name>PhaseDownDialog</name>
    <message>
        <location filename="../../app/ui/pages/setup/phase_down_dialog.py" line="32"/>
        <source>week {n}</source>
        <translation>week {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/phase_down_dialog.py" line="45"/>
        <source>Afbouwplan: {name}</source>
        <extracomment>grid rows only grow, so a removed row leaves no overlap</extracomment>
        <translation>Phase-down plan: {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/phase_down_dialog.py" line="49"/>
        <source>Nu begint &apos;{name}&apos; op stap {step}. Plan hier vanaf welke datum de afspraak op een andere stap begint, bijvoorbeeld milder als de routine er eenmaal in zit.</source>
        <translation>Right now &apos;{name}&apos; starts at step {step}. Plan here from which date the rule starts at a different step, for example a milder one once the routine has settled in.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/phase_down_dialog.py" line="58"/>
        <source>Vanaf</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/phase_down_dialog.py" line="59"/>
        <source>Startstap</source>
        <translation>Starting step</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/phase_down_dialog.py" line="60"/>
        <source>Moment toevoegen</source>
        <translation>Add moment</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/phase_down_dialog.py" line="61"/>
        <source>&amp;Opslaan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/phase_down_dialog.py" line="61"/>
        <source>Afbouwplan opslaan</source>
        <translation>Save phase-down plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/phase_down_dialog.py" line="62"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/phase_down_dialog.py" line="92"/>
        <source>Vanaf datum, moment {n}</source>
        <translation>From date, moment {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/phase_down_dialog.py" line="95"/>
        <source>Startstap, moment {n}</source>
        <translation>Starting step, moment {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/phase_down_dialog.py" line="99"/>
        <source>Weghalen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/phase_down_dialog.py" line="99"/>
        <source>Moment {n} weghalen</source>
        <translation>Remove moment {n}</translation>
    </message>
</context>
<context>
    <name>PlansPicker</name>
    <message>
        <location filename="../../app/ui/pages/team/plans_picker.py" line="29"/>
        <source>Voorbereide keuzes als casus (zonder namen)</source>
        <translation>Prepared choices as cases (without names)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/plans_picker.py" line="32"/>
        <source>Nog geen voorbereide keuzes (maak ze op de pagina Reflectie).</source>
        <translation>No prepared choices yet (make them on the Reflection page).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/plans_picker.py" line="51"/>
        <source>Gaat mee als: %1 → %2</source>
        <translation>Goes along as: %1 → %2</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <location filename="../../app/ui/pages/team/preview_panel.py" line="49"/>
        <source>Wat is weggelaten of samengevoegd</source>
        <translation>What was left out or merged</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/preview_panel.py" line="51"/>
        <source>Bestanden die de computer verlaten</source>
        <translation>Files that leave the computer</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/preview_panel.py" line="56"/>
        <source>Inhoud van het PDF-overzicht</source>
        <translation>Contents of the PDF overview</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/preview_panel.py" line="60"/>
        <source>Inhoud van het CSV-bestand</source>
        <translation>Contents of the CSV file</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/preview_panel.py" line="63"/>
        <source>Inhoud van het uitwisselingsbestand</source>
        <translation>Contents of the exchange file</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/preview_panel.py" line="71"/>
        <source>Nog geen voorbeeld. Kies je opties en klik op &apos;Voorbeeld maken&apos;.</source>
        <translation>No preview yet. Choose your options and click &apos;Make preview&apos;.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/preview_panel.py" line="91"/>
        <source>Weggelaten of samengevoegd om niemand herkenbaar te maken:</source>
        <translation>Left out or merged so that nobody can be recognised:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/preview_panel.py" line="135"/>
        <source>Week %1 t/m %2 · %3 incidenten in %4 lessen · %5 complimenten</source>
        <translation>Week %1 to %2 · %3 incidents in %4 lessons · %5 praise</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/preview_panel.py" line="132"/>
        <source>Teamoverzicht</source>
        <translation>Team overview</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/preview_panel.py" line="146"/>
        <source>In het kort (bladzijde 1 van de PDF)</source>
        <translation>In brief (page 1 of the PDF)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/preview_panel.py" line="152"/>
        <source>Bespreekpunten</source>
        <translation>Discussion points</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/preview_panel.py" line="157"/>
        <source>Casus</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/preview_panel.py" line="162"/>
        <source>Voorbereide keuzes</source>
        <translation>Prepared choices</translation>
    </message>
</context>
<context>
    <name>ReflectionPage</name>
    <message>
        <location filename="../../app/ui/pages/reflection/page.py" line="80"/>
        <source>Reflectie</source>
        <extracomment>how long screenshot mode waits after a view is shown (wrapped labels, canvas draw) flag at Benjamini-Hochberg adjusted p &lt; 0.05, as ``audit`` does by default idle time after a view is shown before its neighbour weeks are prepared a week&apos;s view is on screen (the Monday) a view was just put on screen; layouts and the canvas still settle</extracomment>
        <translation>Reflection</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/page.py" line="87"/>
        <source>Analyse loopt</source>
        <translation>Analysis running</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/page.py" line="88"/>
        <source>Analyse loopt…</source>
        <translation>Analysis running…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/page.py" line="93"/>
        <source>Opnieuw proberen</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/page.py" line="128"/>
        <source>Leerlingen</source>
        <translation>Students</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/page.py" line="129"/>
        <source>Groepen</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/page.py" line="130"/>
        <source>Momenten</source>
        <translation>Moments</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/page.py" line="131"/>
        <source>Afspraken</source>
        <translation>Rules</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/page.py" line="132"/>
        <source>Escalatie</source>
        <translation>Escalation</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/page.py" line="133"/>
        <source>Complimenten</source>
        <translation>Praise</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/page.py" line="134"/>
        <source>Verloop</source>
        <translation>Trend</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/page.py" line="232"/>
        <source>De analyse lukte niet. Je gegevens zijn niet veranderd. Probeer het opnieuw; blijft het misgaan, dan staat de fout in het logbestand. (%1)</source>
        <translation>The analysis did not succeed. Your data has not changed. Try again; if it keeps going wrong, the error is in the log file. (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/page.py" line="279"/>
        <source>Schooljaar tot en met deze week (%1 – %2): %3 incidenten, %4 leerlingen, %5 complimenten.</source>
        <translation>School year up to this week (%1 – %2): %3 incidents, %4 students, %5 praise.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/page.py" line="359"/>
        <source>De incidenten konden niet geladen worden.</source>
        <translation>The incidents could not be loaded.</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="51"/>
        <source>naam</source>
        <translation>name</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="53"/>
        <source>klas</source>
        <translation>class</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="68"/>
        <source>Leerlinglijst importeren</source>
        <extracomment>the roster was imported (a sentence saying what changed)</extracomment>
        <translation>Import student list</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="72"/>
        <source>Samenvatting van de import</source>
        <translation>Summary of the import</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="75"/>
        <source>Details van de import</source>
        <translation>Details of the import</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="78"/>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="80"/>
        <source>Importeren</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="82"/>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="84"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="86"/>
        <source>Bestand: {name}</source>
        <translation>File: {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="106"/>
        <source>Dit bestand kan niet worden gelezen.</source>
        <translation>This file cannot be read.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="111"/>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="151"/>
        <source>Probleem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="111"/>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="112"/>
        <source>Problemen</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="119"/>
        <source>1 nieuwe leerling, {upd} bijgewerkt, {same} ongewijzigd.</source>
        <translation>1 new student, {upd} updated, {same} unchanged.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="121"/>
        <source>{new} nieuwe leerlingen, {upd} bijgewerkt, {same} ongewijzigd.</source>
        <translation>{new} new students, {upd} updated, {same} unchanged.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="128"/>
        <source>Kenmerken in dit bestand: {names}.</source>
        <translation>Attributes in this file: {names}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="139"/>
        <source>Er is 1 probleem. Er wordt niets geïmporteerd tot het is opgelost; verbeter het bestand en kies het opnieuw.</source>
        <translation>There is 1 problem. Nothing is imported until it is solved; correct the file and choose it again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="144"/>
        <source>Er zijn {n} problemen. Er wordt niets geïmporteerd tot ze zijn opgelost; verbeter het bestand en kies het opnieuw.</source>
        <translation>There are {n} problems. Nothing is imported until they are solved; correct the file and choose it again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="151"/>
        <source>Regel</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="151"/>
        <source>Problemen per regel</source>
        <translation>Problems per row</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="153"/>
        <source>⚠ Problemen ({n})</source>
        <translation>⚠ Problems ({n})</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="156"/>
        <source>Alles in dit bestand staat er al; er verandert niets.</source>
        <translation>Everything in this file is already there; nothing changes.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="161"/>
        <source>Er is nog niets veranderd. Kijk de lijsten na en kies &apos;Importeren&apos; om dit over te nemen.</source>
        <translation>Nothing has changed yet. Check the lists and choose &apos;Import&apos; to take this over.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="167"/>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="182"/>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="167"/>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="182"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="167"/>
        <source>Klas</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="167"/>
        <source>Nieuwe leerlingen</source>
        <translation>New students</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="169"/>
        <source>Nieuw ({n})</source>
        <translation>New ({n})</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="182"/>
        <source>Wat verandert</source>
        <translation>What changes</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="182"/>
        <source>Bijgewerkt</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="184"/>
        <source>Bijgewerkt ({n})</source>
        <translation>Updated ({n})</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/roster_import_dialog.py" line="175"/>
        <source>(leeg)</source>
        <translation>(empty)</translation>
    </message>
</context>
<context>
    <name>RuleButtons</name>
    <message>
        <location filename="../../app/ui/pages/log/rule_buttons.py" line="19"/>
        <source>routine</source>
        <translation>routine</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/rule_buttons.py" line="20"/>
        <source>respect</source>
        <translation>respect</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/rule_buttons.py" line="21"/>
        <source>veiligheid</source>
        <translation>safety</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/rule_buttons.py" line="36"/>
        <source>Afspraak (toets 1–9)</source>
        <extracomment>a rule was chosen by click or digit (its id)</extracomment>
        <translation>Rule (keys 1–9)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/rule_buttons.py" line="37"/>
        <source>Er zijn nog geen actieve afspraken. Voeg ze toe bij Instellingen.</source>
        <translation>There are no active rules yet. Add them under Set-up.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/rule_buttons.py" line="60"/>
        <source>Afspraak {n}: {name}</source>
        <translation>Rule {n}: {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/rule_buttons.py" line="64"/>
        <source>Categorie: {c}. Begint op stap {s} van de ladder.</source>
        <translation>Category: {c}. Starts at step {s} of the ladder.</translation>
    </message>
</context>
<context>
    <name>RulesTab</name>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="49"/>
        <source>Afspraken in volgorde; het nummer is de toets op de logpagina</source>
        <extracomment>item data role holding a rule id in the rule list the rule in the form (None: a new one)</extracomment>
        <translation>Rules in order; the number is the key on the Log page</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="54"/>
        <source>Omhoog</source>
        <translation>Up</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="54"/>
        <source>Afspraak omhoog</source>
        <translation>Move rule up</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="55"/>
        <source>Omlaag</source>
        <translation>Down</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="55"/>
        <source>Afspraak omlaag</source>
        <translation>Move rule down</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="56"/>
        <source>&amp;Nieuwe afspraak</source>
        <translation>&amp;New rule</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="57"/>
        <source>E&amp;xporteren…</source>
        <translation>E&amp;xport…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="57"/>
        <source>Afspraken exporteren</source>
        <translation>Export agreements</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="58"/>
        <source>Afspraken, ladder en afbouw als bestand voor collega&apos;s</source>
        <translation>Rules, ladder and phase-down as a file for colleagues</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="59"/>
        <source>&amp;Importeren…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="59"/>
        <source>Afspraken importeren</source>
        <translation>Import agreements</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="60"/>
        <source>Afspraken van een collega overnemen, met een voorbeeld</source>
        <translation>Take over a colleague&apos;s agreements, with a preview</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="62"/>
        <source>Sleep of gebruik Omhoog/Omlaag: het nummer is de cijfertoets op de logpagina.</source>
        <translation>Drag or use Up/Down: the number is the digit key on the Log page.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="65"/>
        <source>Afspraken</source>
        <translation>Rules</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="76"/>
        <source>Voor het team:</source>
        <translation>For the team:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="83"/>
        <source>Naam van de afspraak</source>
        <translation>Name of the rule</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="85"/>
        <source>Categorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="89"/>
        <source>Startstap op de ladder</source>
        <translation>Starting step on the ladder</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="90"/>
        <source>Actief (staat op de logpagina)</source>
        <translation>Active (shown on the Log page)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="91"/>
        <source>Afspraak actief</source>
        <translation>Rule active</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="95"/>
        <source>&amp;Afbouwplan…</source>
        <translation>&amp;Phase-down plan…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="95"/>
        <source>Afbouwplan van deze afspraak</source>
        <translation>Phase-down plan of this rule</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="96"/>
        <source>Afspraak &amp;opslaan</source>
        <translation>&amp;Save rule</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="96"/>
        <source>Afspraak opslaan</source>
        <translation>Save rule</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="98"/>
        <source>Afspraak</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="100"/>
        <source>Naa&amp;m</source>
        <translation>Na&amp;me</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="101"/>
        <source>&amp;Categorie</source>
        <translation>Ca&amp;tegory</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="102"/>
        <source>&amp;Startstap</source>
        <translation>Starting st&amp;ep</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="104"/>
        <source>Afbouw</source>
        <translation>Phase-down</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="115"/>
        <source>De startstap is de reactie bij de 1e keer in een les; elke volgende keer is het één stap hoger, tot de hoogste stap. Veiligheid begint meestal hoger. Met afbouw plan je vanaf welke datum een afspraak op een andere stap begint.</source>
        <translation>The starting step is the response to the first time in a lesson; each time after that is one step higher, up to the top step. Safety usually starts higher. With a phase-down you plan from which date a rule starts at a different step.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="121"/>
        <source>Een andere startstap of ladder geldt vanaf vandaag: incidenten van eerder houden de stap die toen was afgesproken.</source>
        <translation>A changed start step or ladder holds from today: earlier incidents keep the step that was agreed then.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="181"/>
        <source>start op stap {n}</source>
        <translation>starts at step {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="186"/>
        <source>(afbouw)</source>
        <translation>(phase-down)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="188"/>
        <source>[niet actief]</source>
        <translation>[inactive]</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="199"/>
        <source>Afspraak bewerken</source>
        <translation>Edit rule</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="210"/>
        <source>vanaf {date}: stap {n}</source>
        <translation>from {date}: step {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="215"/>
        <source>geen afbouw gepland</source>
        <translation>no phase-down planned</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="228"/>
        <source>Nieuwe afspraak</source>
        <translation>New rule</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="233"/>
        <source>eerst opslaan, dan kun je afbouw plannen</source>
        <translation>save first, then you can plan a phase-down</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="252"/>
        <source>Afspraak &apos;{name}&apos; toegevoegd als nummer {n}.</source>
        <translation>Rule &apos;{name}&apos; added as number {n}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="258"/>
        <source>Afspraak &apos;{name}&apos; opgeslagen.</source>
        <translation>Rule &apos;{name}&apos; saved.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="263"/>
        <source>&apos;{old}&apos; heet nu &apos;{name}&apos;. Een extra afspraak maak je met &apos;Nieuwe afspraak&apos;.</source>
        <translation>&apos;{old}&apos; is now called &apos;{name}&apos;. To make an extra rule, use &apos;New rule&apos;.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/rules_tab.py" line="289"/>
        <source>Volgorde opgeslagen: de cijfertoetsen volgen de nieuwe volgorde.</source>
        <translation>Order saved: the digit keys follow the new order.</translation>
    </message>
</context>
<context>
    <name>SeatingGrid</name>
    <message>
        <location filename="../../app/ui/pages/log/seating_grid.py" line="113"/>
        <source>{name}, rij {r}, plek {c}</source>
        <extracomment>mime type of a dragged student (the student id as text) columns of the plan unless seats further right are stored a line on a seat is cut after this many characters (the tooltip and screen reader get the full name)</extracomment>
        <translation>{name}, row {r}, seat {c}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/seating_grid.py" line="196"/>
        <source>Klasplattegrond — voorkant (bord)</source>
        <extracomment>a student was clicked (their id) the plan changed: student id -&gt; (row, column) for every student of the class</extracomment>
        <translation>Seating plan — front (board)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/seating_grid.py" line="199"/>
        <source>Klik op een leerling om te kiezen. Sleep (of Ctrl+pijltje) om de plaatsen te schikken.</source>
        <translation>Click a student to choose. Drag (or Ctrl+arrow) to arrange the seats.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/seating_grid.py" line="208"/>
        <source>In deze klas zitten nog geen leerlingen. Voeg ze toe bij Instellingen.</source>
        <translation>There are no students in this class yet. Add them under Set-up.</translation>
    </message>
</context>
<context>
    <name>Setup</name>
    <message>
        <location filename="../../app/ui/pages/setup/common.py" line="25"/>
        <source>routine</source>
        <extracomment>what a field holds -&gt; the longest text the store keeps for it (the column&apos;s declared length) category in code -&gt; Dutch source label</extracomment>
        <translation>routine</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/common.py" line="26"/>
        <source>respect</source>
        <translation>respect</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/common.py" line="27"/>
        <source>veiligheid</source>
        <translation>safety</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/common.py" line="31"/>
        <source>waarschuwing</source>
        <extracomment>step kind in code -&gt; Dutch source label</extracomment>
        <translation>warning</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/common.py" line="32"/>
        <source>consequentie</source>
        <translation>consequence</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <location filename="../../app/ui/pages/setup/page.py" line="30"/>
        <location filename="../../app/ui/pages/setup/page.py" line="42"/>
        <source>Instellingen</source>
        <extracomment>the optional data and privacy panel, built elsewhere; offered as a tab when its module exists</extracomment>
        <translation>Set-up</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/page.py" line="35"/>
        <source>&amp;Klassen en leerlingen</source>
        <translation>&amp;Classes and students</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/page.py" line="36"/>
        <source>&amp;Afspraken en ladder</source>
        <translation>&amp;Rules and ladder</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/page.py" line="37"/>
        <source>&amp;Rooster en beltijden</source>
        <translation>&amp;Timetable and bell times</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/page.py" line="38"/>
        <source>&amp;Taal</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/page.py" line="41"/>
        <source>&amp;Gegevens en privacy</source>
        <translation>&amp;Data and privacy</translation>
    </message>
</context>
<context>
    <name>StudentForm</name>
    <message>
        <location filename="../../app/ui/pages/setup/student_form.py" line="35"/>
        <source>Leerling</source>
        <extracomment>a student was added or changed (its id)</extracomment>
        <translation>Student</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/student_form.py" line="39"/>
        <source>Leerlingnummer</source>
        <translation>Student number</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/student_form.py" line="40"/>
        <source>nummer uit de leerlingadministratie</source>
        <translation>number from the student administration</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/student_form.py" line="42"/>
        <source>Naam van de leerling</source>
        <translation>Name of the student</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/student_form.py" line="46"/>
        <source>Klas van de leerling</source>
        <translation>Class of the student</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/student_form.py" line="50"/>
        <source>&amp;Nummer</source>
        <translation>&amp;Number</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/student_form.py" line="51"/>
        <source>Na&amp;am</source>
        <translation>Na&amp;me</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/student_form.py" line="52"/>
        <source>K&amp;las</source>
        <translation>Cla&amp;ss</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/student_form.py" line="53"/>
        <source>&amp;Nieuwe leerling</source>
        <translation>Ne&amp;w student</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/student_form.py" line="54"/>
        <location filename="../../app/ui/pages/setup/student_form.py" line="134"/>
        <source>Leerling &amp;opslaan</source>
        <translation>Sa&amp;ve student</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/student_form.py" line="55"/>
        <location filename="../../app/ui/pages/setup/student_form.py" line="137"/>
        <source>Leerling archiveren</source>
        <translation>Archive student</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/student_form.py" line="85"/>
        <source>Kenmerk {name}</source>
        <translation>Attribute {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/student_form.py" line="86"/>
        <source>leeg laten als het niet van toepassing is</source>
        <translation>leave empty if it does not apply</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/student_form.py" line="107"/>
        <source>Nieuwe leerling</source>
        <translation>New student</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/student_form.py" line="114"/>
        <source>Leerling &amp;toevoegen</source>
        <translation>Add s&amp;tudent</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/student_form.py" line="115"/>
        <source>Leerling toevoegen</source>
        <translation>Add student</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/student_form.py" line="126"/>
        <source>Leerling bewerken</source>
        <translation>Edit student</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/student_form.py" line="129"/>
        <source>Het nummer komt uit de leerlingadministratie en verandert niet.</source>
        <translation>The number comes from the student administration and does not change.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/student_form.py" line="135"/>
        <source>Leerling opslaan</source>
        <translation>Save student</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/student_form.py" line="137"/>
        <source>Leerling terugzetten</source>
        <translation>Restore student</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/student_form.py" line="155"/>
        <source>{name} is toegevoegd aan {klas}.</source>
        <translation>{name} has been added to {klas}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/student_form.py" line="163"/>
        <source>{name} is opgeslagen ({klas}).</source>
        <translation>{name} has been saved ({klas}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/student_form.py" line="166"/>
        <source>&apos;{old}&apos; heet nu &apos;{name}&apos; ({klas}). Een extra leerling voeg je toe met &apos;Nieuwe leerling&apos;.</source>
        <translation>&apos;{old}&apos; is now called &apos;{name}&apos; ({klas}). To add an extra student, use &apos;New student&apos;.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/student_form.py" line="194"/>
        <source>{name} is gearchiveerd: niet meer in de loglijst, de geschiedenis blijft.</source>
        <translation>{name} has been archived: no longer in the log list, the history stays.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/student_form.py" line="196"/>
        <source>{name} is teruggezet.</source>
        <translation>{name} has been restored.</translation>
    </message>
</context>
<context>
    <name>StudentPicker</name>
    <message>
        <location filename="../../app/ui/pages/log/student_picker.py" line="89"/>
        <source>&amp;Leerling zoeken</source>
        <extracomment>role of a result item holding the student id apostrophes are left out when matching: &quot;dhondt&quot;, &quot;d&apos;hondt&quot; and &quot;d’hondt&quot; all find D&apos;Hondt a student was picked (by Enter in the field or a click in the list) Escape in the field (the page steps back one stage; at the first stage it clears the field) Enter with no student matching the text (the text) Ctrl+Z in the field: undo the last save rather than the typed text the arrows moved the selection since the search text was last emptied</extracomment>
        <translation>Find &amp;student</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/student_picker.py" line="93"/>
        <source>Naam typen, Enter kiest</source>
        <translation>Type a name, Enter picks</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/student_picker.py" line="94"/>
        <source>Leerling zoeken</source>
        <translation>Find student</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/student_picker.py" line="96"/>
        <source>Typ een deel van de voor- of achternaam; hoofdletters en accenten tellen niet mee.</source>
        <translation>Type part of the first name or surname; capitals and accents do not matter.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/log/student_picker.py" line="101"/>
        <source>Gevonden leerlingen</source>
        <translation>Students found</translation>
    </message>
</context>
<context>
    <name>StudentTableModel</name>
    <message>
        <location filename="../../app/ui/widgets/table_models.py" line="318"/>
        <source>Nummer</source>
        <extracomment>&apos;incident&apos;, &apos;praise&apos; or None for both the first attribute&apos;s column; attribute columns follow in name order fixed column titles (Dutch source strings)</extracomment>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/table_models.py" line="319"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/table_models.py" line="320"/>
        <source>Klas</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/table_models.py" line="321"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/table_models.py" line="383"/>
        <source>gearchiveerd</source>
        <translation>archived</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/table_models.py" line="383"/>
        <source>actief</source>
        <translation>active</translation>
    </message>
</context>
<context>
    <name>TableModels</name>
    <message>
        <location filename="../../app/ui/pages/history/page.py" line="191"/>
        <location filename="../../app/ui/pages/history/row.py" line="100"/>
        <source>= volgens afspraak</source>
        <translation>= as agreed</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/page.py" line="192"/>
        <location filename="../../app/ui/pages/history/row.py" line="97"/>
        <source>▲ strenger (+{n})</source>
        <extracomment>&apos;incident&apos; or &apos;praise&apos; the lesson&apos;s date (the praise&apos;s own date when it has no lesson) the lesson&apos;s period (lesuur), None when not known or for a praise</extracomment>
        <translation>▲ stricter (+{n})</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history/row.py" line="99"/>
        <source>▼ milder (−{n})</source>
        <translation>▼ milder (−{n})</translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <location filename="../../app/ui/pages/team/page.py" line="50"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/page.py" line="54"/>
        <source>Een anoniem overzicht voor de casuïstiekbespreking: geen namen, leerlingnummers, notities of datums, geen groep van minder dan 5 leerlingen en geen cel van minder dan 5 incidenten. Je ziet hieronder precies wat de computer verlaat, voordat je het opslaat.</source>
        <translation>An anonymous overview for the case discussion: no names, student numbers, notes or dates, no group of fewer than 5 students and no cell of fewer than 5 incidents. Below you see exactly what leaves the computer, before you save it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/page.py" line="66"/>
        <source>Voorbeeld maken</source>
        <translation>Make preview</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/page.py" line="67"/>
        <source>Opslaan in map…</source>
        <translation>Save in folder…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/page.py" line="68"/>
        <source>PDF bekijken</source>
        <translation>View PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/page.py" line="103"/>
        <source>Mijn overzicht delen</source>
        <translation>Share my overview</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/page.py" line="104"/>
        <source>Teamvergelijking</source>
        <translation>Team comparison</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/page.py" line="144"/>
        <source>Je keuzes zijn veranderd: maak een nieuw voorbeeld voordat je opslaat.</source>
        <translation>Your choices have changed: make a new preview before you save.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/page.py" line="176"/>
        <source>Bezig met het voorbeeld…</source>
        <translation>Making the preview…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/page.py" line="192"/>
        <source>Het voorbeeld mislukte: %1</source>
        <translation>The preview failed: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/page.py" line="199"/>
        <source>Dit verlaat de computer als je opslaat: %1 bestanden.</source>
        <translation>This leaves the computer when you save: %1 files.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/page.py" line="208"/>
        <source>Map kiezen voor het teamoverzicht</source>
        <translation>Choose a folder for the team overview</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/page.py" line="218"/>
        <source>Maak eerst een nieuw voorbeeld.</source>
        <translation>First make a new preview.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/team/page.py" line="226"/>
        <source>Opgeslagen in %1: %2</source>
        <translation>Saved in %1: %2</translation>
    </message>
</context>
<context>
    <name>TimetableImportDialog</name>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_dialog.py" line="54"/>
        <source>Rooster importeren</source>
        <extracomment>the combo&apos;s value for &apos;not a lesson of mine&apos; the timetable was stored (a sentence saying what changed)</extracomment>
        <translation>Import timetable</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_dialog.py" line="56"/>
        <source>Bestand: {name}</source>
        <translation>File: {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_dialog.py" line="58"/>
        <source>Alleen &amp;vanaf</source>
        <translation>Only &amp;from</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_dialog.py" line="60"/>
        <source>Een nieuw rooster vervangt het oude vanaf deze datum; de lessen ervóór blijven.</source>
        <translation>A new timetable replaces the old one from this date on; the lessons before it stay.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_dialog.py" line="65"/>
        <source>Vanaf datum</source>
        <translation>From date</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_dialog.py" line="71"/>
        <location filename="../../app/ui/pages/setup/timetable_dialog.py" line="123"/>
        <source>Het rooster wordt gelezen…</source>
        <translation>Reading the timetable…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_dialog.py" line="73"/>
        <source>Samenvatting van het rooster</source>
        <translation>Summary of the timetable</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_dialog.py" line="76"/>
        <source>Titels in het rooster met hun klas</source>
        <translation>Titles in the timetable with their class</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_dialog.py" line="78"/>
        <source>Titel in het rooster</source>
        <translation>Title in the timetable</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_dialog.py" line="78"/>
        <source>Aantal</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_dialog.py" line="78"/>
        <source>Voorbeeld</source>
        <translation>Example</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_dialog.py" line="78"/>
        <source>Klas</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_dialog.py" line="90"/>
        <location filename="../../app/ui/pages/setup/timetable_dialog.py" line="92"/>
        <source>Importeren</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_dialog.py" line="95"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_dialog.py" line="132"/>
        <source>Dit bestand kan niet worden gelezen.</source>
        <translation>This file cannot be read.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_dialog.py" line="137"/>
        <source>Dit rooster wordt niet geïmporteerd; er verandert niets.</source>
        <translation>This timetable is not imported; nothing changes.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_dialog.py" line="142"/>
        <source>{n} afspraken van {a} tot {b}, {t} verschillende titels.</source>
        <translation>{n} events from {a} to {b}, {t} different titles.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_dialog.py" line="149"/>
        <source>{n} hele-dag-afspraken overgeslagen.</source>
        <translation>{n} all-day events skipped.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_dialog.py" line="153"/>
        <source>Kies bij elke titel de klas, of &apos;geen les van mij&apos; voor vergaderingen en surveillances. Je keuze wordt onthouden voor de volgende import. Er is nog niets veranderd.</source>
        <translation>Choose the class of each title, or &apos;not my lesson&apos; for meetings and duties. Your choice is remembered for the next import. Nothing has changed yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_dialog.py" line="165"/>
        <source>Klas van &apos;{t}&apos;</source>
        <translation>Class of &apos;{t}&apos;</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_dialog.py" line="166"/>
        <source>geen les van mij</source>
        <translation>not my lesson</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_dialog.py" line="172"/>
        <source>Zo gekozen bij een vorige import.</source>
        <translation>Chosen like this in an earlier import.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_dialog.py" line="174"/>
        <source>De klas staat in de tekst van de afspraak.</source>
        <translation>The class is named in the event&apos;s text.</translation>
    </message>
</context>
<context>
    <name>TimetableTab</name>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_tab.py" line="27"/>
        <source>Lesrooster</source>
        <translation>Timetable</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_tab.py" line="30"/>
        <source>Importeer je rooster als agenda (.ics) uit Zermelo, Untis/WebUntis, Magister, SOMtoday of Smartschool, of als CSV (weekday,period,class,from,to). Elke geplande les telt dan mee, ook een les zonder één correctie, en de Log-pagina opent op de les die net is afgelopen.</source>
        <translation>Import your timetable as a calendar (.ics) from Zermelo, Untis/WebUntis, Magister, SOMtoday or Smartschool, or as CSV (weekday,period,class,from,to). Every scheduled lesson then counts, also a lesson without a single correction, and the Log page opens on the lesson that just ended.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_tab.py" line="38"/>
        <source>Stand van het rooster</source>
        <translation>State of the timetable</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_tab.py" line="39"/>
        <source>Rooster &amp;importeren…</source>
        <translation>&amp;Import timetable…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_tab.py" line="40"/>
        <source>Rooster op&amp;slaan als .ics…</source>
        <translation>Sa&amp;ve timetable as .ics…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_tab.py" line="63"/>
        <source>Nog geen rooster: lessen ontstaan alleen als je erin logt.</source>
        <translation>No timetable yet: lessons exist only when you log in them.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_tab.py" line="67"/>
        <source>Rooster: {n} lessen van {a} tot {b}.</source>
        <translation>Timetable: {n} lessons from {a} to {b}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_tab.py" line="81"/>
        <source>Rooster kiezen</source>
        <translation>Choose timetable</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_tab.py" line="83"/>
        <source>Rooster (*.ics *.ical *.csv *.txt);;Alle bestanden (*)</source>
        <translation>Timetable (*.ics *.ical *.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_tab.py" line="97"/>
        <source>Rooster opslaan</source>
        <translation>Save timetable</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_tab.py" line="97"/>
        <source>Agenda (*.ics)</source>
        <translation>Calendar (*.ics)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup/timetable_tab.py" line="107"/>
        <source>{n} lessen opgeslagen in {file}.</source>
        <translation>{n} lessons saved in {file}.</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <location filename="../../app/ui/widgets/inline_message.py" line="83"/>
        <location filename="../../app/ui/widgets/inline_message.py" line="84"/>
        <source>Ongedaan maken</source>
        <extracomment>the user asked to undo</extracomment>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/inline_message.py" line="85"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/inline_message.py" line="86"/>
        <source>Melding sluiten</source>
        <translation>Close message</translation>
    </message>
</context>
<context>
    <name>WeekSelector</name>
    <message>
        <location filename="../../app/ui/pages/reflection/week_selector.py" line="23"/>
        <source>Week</source>
        <extracomment>the teacher chose a week (a ``date``, its Monday)</extracomment>
        <translation>Week</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/week_selector.py" line="29"/>
        <location filename="../../app/ui/pages/reflection/week_selector.py" line="30"/>
        <source>Vorige week</source>
        <translation>Previous week</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/week_selector.py" line="34"/>
        <location filename="../../app/ui/pages/reflection/week_selector.py" line="35"/>
        <source>Volgende week</source>
        <translation>Next week</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/week_selector.py" line="39"/>
        <source>Week:</source>
        <translation>Week:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/week_selector.py" line="47"/>
        <source>week %1 · %2 – %3</source>
        <translation>week %1 · %2 – %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reflection/week_selector.py" line="49"/>
        <source> (geen gegevens)</source>
        <translation> (no data)</translation>
    </message>
</context>
</TS>
