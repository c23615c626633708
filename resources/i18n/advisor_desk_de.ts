<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_US">
<context>
    <name>AccountsListModel</name>
    <message>
        <source>{name}
{tier} · {zone}
{count} open</source>
        <translation>{name}
{tier} · {zone}
{count} offen</translation>
    </message>
    <message>
        <source>{name}, {tier}, {count} open cases</source>
        <translation>{name}, {tier}, {count} offene Fälle</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Alle Kunden</translation>
    </message>
    <message>
        <source>Accounts: {count}</source>
        <translation>Kunden: {count}</translation>
    </message>
</context>
<context>
    <name>CasesTableModel</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Due in</source>
        <translation>Fällig in</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Next target</source>
        <translation>Nächstes Ziel</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Anfragender</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Business time left: {left}</source>
        <translation>Verbleibende Geschäftszeit: {left}</translation>
    </message>
    <message>
        <source>Due: {mine} (your time)</source>
        <translation>Fällig: {mine} (Ihre Zeit)</translation>
    </message>
    <message>
        <source>Due: {theirs} ({zone}, the account&apos;s time)</source>
        <translation>Fällig: {theirs} ({zone}, Zeit des Kunden)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sync progress</source>
        <translation>Fortschritt der Synchronisierung</translation>
    </message>
    <message>
        <source>Workspace: {path}</source>
        <translation>Arbeitsbereich: {path}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Offline since {when} · last sync {synced}</source>
        <translation>Offline seit {when} · letzte Synchronisierung {synced}</translation>
    </message>
    <message>
        <source>Last sync: {when}</source>
        <translation>Letzte Synchronisierung: {when}</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Alle Kunden</translation>
    </message>
    <message>
        <source>{which} · all cases: {count}</source>
        <translation>{which} · alle Fälle: {count}</translation>
    </message>
    <message>
        <source>{which} · open cases: {count}</source>
        <translation>{which} · offene Fälle: {count}</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisierung läuft…</translation>
    </message>
    <message>
        <source>Syncing {stream}: {count}</source>
        <translation>Synchronisiere {stream}: {count}</translation>
    </message>
    <message>
        <source>Sync stopped: {reason}</source>
        <translation>Synchronisierung abgebrochen: {reason}</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>Über {app}</translation>
    </message>
    <message>
        <source>{app} {version}
Your accounts, cases and obligations, offline.</source>
        <translation>{app} {version}
Ihre Kunden, Fälle und Verpflichtungen, auch offline.</translation>
    </message>
    <message>
        <source>Advisor Desk</source>
        <translation>Advisor Desk</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Offene Fälle</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>A&amp;nzeigen:</translation>
    </message>
    <message>
        <source>Show cases by their response target</source>
        <translation>Fälle nach ihrem Antwortziel anzeigen</translation>
    </message>
    <message>
        <source>Every case</source>
        <translation>Alle Fälle</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>Gefährdet</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>Verletzt</translation>
    </message>
    <message>
        <source>Waiting on customer</source>
        <translation>Wartet auf Kunden</translation>
    </message>
    <message>
        <source>Show &amp;solved and closed</source>
        <translation>&amp;Gelöste und geschlossene anzeigen</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Fälle</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>Jetzt &amp;synchronisieren</translation>
    </message>
    <message>
        <source>Fetch what changed in the ticketing system</source>
        <translation>Änderungen aus dem Ticketsystem abrufen</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;Cancel sync</source>
        <translation>Synchronisierung a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Ctrl+.</source>
        <translation>Ctrl+.</translation>
    </message>
    <message>
        <source>Sync &amp;details…</source>
        <translation>Synchronisierungs&amp;details…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;About Advisor Desk</source>
        <translation>Ü&amp;ber Advisor Desk</translation>
    </message>
</context>
<context>
    <name>QuarantineModel</name>
    <message>
        <source>Seen</source>
        <translation>Gesehen</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>&amp;Tastenkürzel…</translation>
    </message>
</context>
<context>
    <name>SyncDetailsDialog</name>
    <message>
        <source>Records the last syncs could not store, with when they were seen and why</source>
        <translation>Datensätze, die die letzten Synchronisierungen nicht speichern konnten, mit Zeitpunkt und Grund</translation>
    </message>
    <message>
        <source>Last sync in this session: nothing new.</source>
        <translation>Letzte Synchronisierung in dieser Sitzung: nichts Neues.</translation>
    </message>
    <message>
        <source>Last sync in this session stored {parts}.</source>
        <translation>Die letzte Synchronisierung in dieser Sitzung hat {parts} gespeichert.</translation>
    </message>
    <message>
        <source>Last error: {error}</source>
        <translation>Letzter Fehler: {error}</translation>
    </message>
    <message>
        <source>The source has not been reachable since {when}.</source>
        <translation>Die Quelle ist seit {when} nicht erreichbar.</translation>
    </message>
    <message>
        <source>No sync has run in this session.</source>
        <translation>In dieser Sitzung wurde noch nicht synchronisiert.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) set aside.</source>
        <translation>
            <numerusform>%Ln Datensatz zurückgestellt.</numerusform>
            <numerusform>%Ln Datensätze zurückgestellt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync details</source>
        <translation>Synchronisierungsdetails</translation>
    </message>
    <message>
        <source>Records set aside (they are retried by every sync):</source>
        <translation>Zurückgestellte Datensätze (jede Synchronisierung versucht sie erneut):</translation>
    </message>
    <message>
        <source>Records set aside</source>
        <translation>Zurückgestellte Datensätze</translation>
    </message>
</context>
<context>
    <name>ViewMenuEntries</name>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Takes effect when Advisor Desk restarts</source>
        <translation>Wirkt nach einem Neustart von Advisor Desk</translation>
    </message>
</context>
<context>
    <name>countdown</name>
    <message>
        <source>{days}d {hours}h</source>
        <comment>duration, short</comment>
        <translation>{days} T {hours} h</translation>
    </message>
    <message>
        <source>{hours}h {minutes}m</source>
        <comment>duration, short</comment>
        <translation>{hours}:{minutes} h</translation>
    </message>
    <message>
        <source>{minutes}m {seconds}s</source>
        <comment>duration, short</comment>
        <translation>{minutes}:{seconds} min</translation>
    </message>
    <message>
        <source>No target</source>
        <translation>Kein Ziel</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>Breached {overdue}</source>
        <translation>Verletzt {overdue}</translation>
    </message>
    <message>
        <source>At risk {left}</source>
        <translation>Gefährdet {left}</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>Im Plan</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>Gefährdet</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>Verletzt</translation>
    </message>
    <message>
        <source>Paused (waiting on customer)</source>
        <translation>Pausiert (wartet auf Kunden)</translation>
    </message>
    <message>
        <source>No target for this tier</source>
        <translation>Kein Ziel für diese Stufe</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>Erstantwort</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Folgeantwort</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Waiting on customer</source>
        <translation>Wartet auf Kunden</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Sev 1 · Critical</source>
        <translation>Sev 1 · Kritisch</translation>
    </message>
    <message>
        <source>Sev 2 · Major</source>
        <translation>Sev 2 · Hoch</translation>
    </message>
    <message>
        <source>Sev 3 · Minor</source>
        <translation>Sev 3 · Gering</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Bronze</source>
        <translation>Bronze</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Silber</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Gold</translation>
    </message>
    <message>
        <source>Platinum</source>
        <translation>Platin</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Onboarding</source>
        <translation>Onboarding</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Ausgesetzt</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>accounts</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>Fälle</translation>
    </message>
    <message>
        <source>case histories</source>
        <translation>Fallverläufe</translation>
    </message>
    <message>
        <source>usage metrics</source>
        <translation>Nutzungsdaten</translation>
    </message>
    <message numerus="yes">
        <source>%Ln account(s)</source>
        <translation>
            <numerusform>%Ln Kunde</numerusform>
            <numerusform>%Ln Kunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contact(s)</source>
        <translation>
            <numerusform>%Ln Kontakt</numerusform>
            <numerusform>%Ln Kontakte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln case(s)</source>
        <translation>
            <numerusform>%Ln Fall</numerusform>
            <numerusform>%Ln Fälle</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln case event(s)</source>
        <translation>
            <numerusform>%Ln Fallereignis</numerusform>
            <numerusform>%Ln Fallereignisse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln usage metric(s)</source>
        <translation>
            <numerusform>%Ln Nutzungswert</numerusform>
            <numerusform>%Ln Nutzungswerte</numerusform>
        </translation>
    </message>
</context>
</TS>
