<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>StatusMapEditor</name>
    <message numerus="yes">
        <source>Saved; %Ln case(s) re-measured.</source>
        <translation>
            <numerusform>Saved; %Ln case re-measured.</numerusform>
            <numerusform>Saved; %Ln cases re-measured.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDetailsDialog</name>
    <message numerus="yes">
        <source>%Ln record(s) set aside.</source>
        <translation>
            <numerusform>%Ln record set aside.</numerusform>
            <numerusform>%Ln records set aside.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message numerus="yes">
        <source>%Ln account(s)</source>
        <translation>
            <numerusform>%Ln account</numerusform>
            <numerusform>%Ln accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contact(s)</source>
        <translation>
            <numerusform>%Ln contact</numerusform>
            <numerusform>%Ln contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln case(s)</source>
        <translation>
            <numerusform>%Ln case</numerusform>
            <numerusform>%Ln cases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln case event(s)</source>
        <translation>
            <numerusform>%Ln case event</numerusform>
            <numerusform>%Ln case events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln usage metric(s)</source>
        <translation>
            <numerusform>%Ln usage metric</numerusform>
            <numerusform>%Ln usage metrics</numerusform>
        </translation>
    </message>
</context>
</TS>
