<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="nl_NL">
<context>
    <name>AgreementsImportDialog</name>
    <message numerus="yes">
        <location filename="../../app/ui/pages/setup/agreements_dialog.py" line="103"/>
        <source>%n afspraken zijn al gelijk.</source>
        <translation>
            <numerusform>%n afspraak is al gelijk.</numerusform>
            <numerusform>%n afspraken zijn al gelijk.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BlindSpotCard</name>
    <message numerus="yes">
        <location filename="../../app/ui/pages/reflection/blind_spots.py" line="69"/>
        <source>Toon de incidenten (%n)</source>
        <extracomment>the counts and percentages first, in the words of the audit&apos;s own explanation the details: both directions counted, and the odds ratio with its interval</extracomment>
        <translation>
            <numerusform>Toon het incident (%n)</numerusform>
            <numerusform>Toon de incidenten (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BlindSpotsView</name>
    <message numerus="yes">
        <location filename="../../app/ui/pages/reflection/blind_spots.py" line="155"/>
        <source>Nog %n andere mogelijke patronen; eerst deze, de rest komt later aan bod.</source>
        <extracomment>the follow-up question (issue #16): parents informed as often at the same rule and step</extracomment>
        <translation>
            <numerusform>Nog %n ander mogelijk patroon; eerst deze, de rest komt later aan bod.</numerusform>
            <numerusform>Nog %n andere mogelijke patronen; eerst deze, de rest komt later aan bod.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChoicesView</name>
    <message numerus="yes">
        <location filename="../../app/ui/pages/reflection/choices_view.py" line="149"/>
        <source>Eerdere keuzes (%n)</source>
        <translation>
            <numerusform>Eerdere keuze (%n)</numerusform>
            <numerusform>Eerdere keuzes (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IncidentsPanel</name>
    <message numerus="yes">
        <location filename="../../app/ui/pages/reflection/incidents_panel.py" line="171"/>
        <source>Incidenten achter: %1 (%n)</source>
        <translation>
            <numerusform>Incidenten achter: %1 (%n)</numerusform>
            <numerusform>Incidenten achter: %1 (%n)</numerusform>
        </translation>
    </message>
</context>
</TS>
