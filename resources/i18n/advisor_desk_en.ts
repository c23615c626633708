<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>AccountView</name>
    <message numerus="yes">
        <source>{text} · %Ln earlier week(s) overdue</source>
        <translation>
            <numerusform>{text} · %Ln earlier week overdue</numerusform>
            <numerusform>{text} · %Ln earlier weeks overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message numerus="yes">
        <source>%Ln case(s) filed by someone who is not an authorized contact</source>
        <translation>
            <numerusform>%Ln case filed by someone who is not an authorized contact</numerusform>
            <numerusform>%Ln cases filed by someone who is not an authorized contact</numerusform>
        </translation>
    </message>
</context>
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
    <name>UsageImportDialog</name>
    <message numerus="yes">
        <source>%Ln row(s) cannot be imported; nothing has been imported yet.</source>
        <translation>
            <numerusform>%Ln row cannot be imported; nothing has been imported yet.</numerusform>
            <numerusform>%Ln rows cannot be imported; nothing has been imported yet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UsageTab</name>
    <message numerus="yes">
        <source>Imported %Ln row(s).</source>
        <translation>
            <numerusform>Imported %Ln row.</numerusform>
            <numerusform>Imported %Ln rows.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WeeklyUpdatesTab</name>
    <message numerus="yes">
        <source>⚠ %Ln overdue update(s) since {start}; the oldest is {week}.</source>
        <translation>
            <numerusform>⚠ %Ln overdue update since {start}; the oldest is {week}.</numerusform>
            <numerusform>⚠ %Ln overdue updates since {start}; the oldest is {week}.</numerusform>
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
