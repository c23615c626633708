<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_US">
<context>
    <name>AccountView</name>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Contract year</source>
        <translation>Vertragsjahr</translation>
    </message>
    <message>
        <source>Contract status</source>
        <translation>Vertragsstatus</translation>
    </message>
    <message>
        <source>Named advisor</source>
        <translation>Zuständiger Berater</translation>
    </message>
    <message>
        <source>Authorized contacts</source>
        <translation>Autorisierte Kontakte</translation>
    </message>
    <message>
        <source>Service days</source>
        <translation>Service-Tage</translation>
    </message>
    <message>
        <source>This week&apos;s update</source>
        <translation>Wochenbericht dieser Woche</translation>
    </message>
    <message>
        <source>Account sections</source>
        <translation>Kundenbereiche</translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation>&amp;Fälle</translation>
    </message>
    <message>
        <source>Service &amp;days</source>
        <translation>&amp;Service-Tage</translation>
    </message>
    <message>
        <source>&amp;Weekly updates</source>
        <translation>&amp;Wochenberichte</translation>
    </message>
    <message>
        <source>C&amp;ontacts</source>
        <translation>&amp;Kontakte</translation>
    </message>
    <message>
        <source>&amp;Usage</source>
        <translation>&amp;Nutzung</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>N&amp;otizen</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} bis {last}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>{count} (no limit)</source>
        <translation>{count} (kein Limit)</translation>
    </message>
    <message>
        <source>{count} of {limit}</source>
        <translation>{count} von {limit}</translation>
    </message>
    <message>
        <source>{contacts} · over the limit</source>
        <translation>{contacts} · über dem Limit</translation>
    </message>
    <message>
        <source>{used} used (no allotment)</source>
        <translation>{used} genutzt (kein Kontingent)</translation>
    </message>
    <message>
        <source>{used} of {allotted} used</source>
        <translation>{used} von {allotted} genutzt</translation>
    </message>
    <message>
        <source>not owed</source>
        <translation>nicht vereinbart</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Drafted</source>
        <translation>Entworfen</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>{week}: {state} (due {due})</source>
        <translation>{week}: {state} (fällig {due})</translation>
    </message>
    <message numerus="yes">
        <source>{text} · %Ln earlier week(s) overdue</source>
        <translation>
            <numerusform>{text} · %Ln frühere Woche überfällig</numerusform>
            <numerusform>{text} · %Ln frühere Wochen überfällig</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AccountsListModel</name>
    <message>
        <source>{name}
Not assigned to you any more: its service days, updates and notes are kept.</source>
        <translation>{name}
Ihnen nicht mehr zugewiesen: Servicetage, Updates und Notizen bleiben erhalten.</translation>
    </message>
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
        <source>Not assigned to you</source>
        <translation>Ihnen nicht zugewiesen</translation>
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
    <name>AccountsPage</name>
    <message>
        <source>Which accounts are yours?</source>
        <translation>Welche Kunden betreuen Sie?</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Alle auswählen</translation>
    </message>
    <message>
        <source>Select none</source>
        <translation>Keine auswählen</translation>
    </message>
    <message>
        <source>The accounts could not be listed: {reason}</source>
        <translation>Die Kunden konnten nicht aufgelistet werden: {reason}</translation>
    </message>
    <message>
        <source>Selected: the accounts that name you as their advisor ({mine} of {count}).</source>
        <translation>Ausgewählt: die Kunden, die Sie als Berater nennen ({mine} von {count}).</translation>
    </message>
    <message>
        <source>Only the selected accounts and their cases are synced. Accounts that name you later are added by the next sync; accounts reassigned to someone else leave, keeping your notes, service days and updates.</source>
        <translation>Nur die ausgewählten Accounts und ihre Fälle werden synchronisiert. Accounts, die Sie später als Betreuer nennen, kommen mit der nächsten Synchronisierung hinzu; Accounts, die jemand anderem zugewiesen werden, verschwinden, Ihre Notizen, Servicetage und Updates bleiben erhalten.</translation>
    </message>
    <message>
        <source>Set aside until its data is fixed: {reason}</source>
        <translation>Zurückgestellt, bis die Daten korrigiert sind: {reason}</translation>
    </message>
    <message>
        <source>advisor: {name}</source>
        <translation>Berater: {name}</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>This workspace is in use by another Advisor Desk process ({holder}). Try again when it is done.</source>
        <translation>Dieser Arbeitsbereich wird von einem anderen Advisor-Desk-Prozess verwendet ({holder}). Versuchen Sie es erneut, wenn er fertig ist.</translation>
    </message>
</context>
<context>
    <name>BadRowsModel</name>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>BatchDraftDialog</name>
    <message>
        <source>Draft all updates due this week</source>
        <translation>Alle fälligen Wochenberichte dieser Woche entwerfen</translation>
    </message>
    <message>
        <source>Drafting the updates due this week…</source>
        <translation>Die fälligen Wochenberichte dieser Woche werden entworfen…</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>No account owes an update this week (sent and skipped ones are done).</source>
        <translation>Diese Woche ist für keinen Kunden ein Wochenbericht fällig (gesendete und übersprungene sind erledigt).</translation>
    </message>
    <message>
        <source>{created} drafted now, {kept} already drafted. Double-click one to open it.</source>
        <translation>{created} jetzt entworfen, {kept} bereits entworfen. Doppelklicken Sie auf einen Eintrag, um ihn zu öffnen.</translation>
    </message>
    <message>
        <source>Drafted now</source>
        <translation>Jetzt entworfen</translation>
    </message>
    <message>
        <source>Already drafted</source>
        <translation>Bereits entworfen</translation>
    </message>
    <message>
        <source>Drafting stopped: {error}</source>
        <translation>Entwerfen abgebrochen: {error}</translation>
    </message>
</context>
<context>
    <name>BurnDownChart</name>
    <message>
        <source>Days left</source>
        <translation>Verbleibende Tage</translation>
    </message>
    <message>
        <source>At this pace</source>
        <translation>Bei diesem Tempo</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Contract year {first} – {last}</source>
        <translation>Vertragsjahr {first} – {last}</translation>
    </message>
</context>
<context>
    <name>CaseDetailView</name>
    <message>
        <source>Case detail</source>
        <translation>Falldetails</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Account, severity, status and requester</source>
        <translation>Kunde, Schweregrad, Status und Anfragender</translation>
    </message>
    <message>
        <source>Opened and updated</source>
        <translation>Eröffnet und aktualisiert</translation>
    </message>
    <message>
        <source>Copy case ID</source>
        <translation>Fall-ID kopieren</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>SLA-Uhr</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Business time left</source>
        <translation>Verbleibende Geschäftszeit</translation>
    </message>
    <message>
        <source>SLA clocks</source>
        <translation>SLA-Uhren</translation>
    </message>
    <message>
        <source>Case timeline</source>
        <translation>Fallverlauf</translation>
    </message>
    <message>
        <source>Show all of the long messages</source>
        <translation>Lange Nachrichten ganz zeigen</translation>
    </message>
    <message>
        <source>This case is not in the workspace.</source>
        <translation>Dieser Fall ist nicht im Arbeitsbereich.</translation>
    </message>
    <message>
        <source>#{id} {subject}</source>
        <translation>#{id} {subject}</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>Requester: {who}</source>
        <translation>Anfragender: {who}</translation>
    </message>
    <message>
        <source>Removed at the source</source>
        <translation>In der Quelle entfernt</translation>
    </message>
    <message>
        <source>Opened {opened} · Updated {updated}</source>
        <translation>Eröffnet {opened} · Aktualisiert {updated}</translation>
    </message>
    <message>
        <source>Loading the timeline…</source>
        <translation>Der Verlauf wird geladen…</translation>
    </message>
    <message>
        <source>No case selected</source>
        <translation>Kein Fall ausgewählt</translation>
    </message>
    <message>
        <source>{when} (account and local)</source>
        <translation>{when} (Zeit des Kunden und lokal)</translation>
    </message>
    <message>
        <source>{when} in {zone} ({local} here)</source>
        <translation>{when} in {zone} ({local} hier)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>Verletzt</translation>
    </message>
    <message>
        <source>Breached (answered late)</source>
        <translation>Verletzt (verspätet beantwortet)</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>Gefährdet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Paused (waiting on customer)</source>
        <translation>Pausiert (wartet auf Kunden)</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Eingehalten</translation>
    </message>
    <message>
        <source>Stopped (solved)</source>
        <translation>Gestoppt (gelöst)</translation>
    </message>
    <message>
        <source>No target</source>
        <translation>Kein Ziel</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>{when} (in {left})</source>
        <translation>{when} (in {left})</translation>
    </message>
    <message>
        <source>{when} ({overdue} ago)</source>
        <translation>{when} (vor {overdue})</translation>
    </message>
    <message>
        <source>{overdue} overdue</source>
        <translation>{overdue} überfällig</translation>
    </message>
    <message>
        <source>{left} to spare</source>
        <translation>{left} Puffer</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Agent reply</source>
        <translation>Antwort des Agenten</translation>
    </message>
    <message>
        <source>Internal note (not visible to the customer)</source>
        <translation>Interne Notiz (für den Kunden nicht sichtbar)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Shown: the first {shown} of {length} characters (Show all, below).</source>
        <translation>Gezeigt: die ersten {shown} von {length} Zeichen (ganz zeigen: unten).</translation>
    </message>
    <message>
        <source>{who} changed the status: {old} → {new}</source>
        <translation>{who} hat den Status geändert: {old} → {new}</translation>
    </message>
    <message>
        <source>{who} changed the severity: {old} → {new}</source>
        <translation>{who} hat den Schweregrad geändert: {old} → {new}</translation>
    </message>
</context>
<context>
    <name>CasesPanel</name>
    <message>
        <source>Filter: number, subject or requester (Ctrl+F)</source>
        <translation>Filter: Nummer, Betreff oder Anfragender (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter cases by number, subject or requester</source>
        <translation>Fälle nach Nummer, Betreff oder Anfragendem filtern</translation>
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
        <source>Any severity</source>
        <translation>Jeder Schweregrad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Not solved</source>
        <translation>Nicht gelöst</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
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
        <source>Cases</source>
        <translation>Fälle</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Alle Kunden</translation>
    </message>
    <message>
        <source>Open cases: {count}</source>
        <translation>Offene Fälle: {count}</translation>
    </message>
    <message>
        <source>Cases: {count}</source>
        <translation>Fälle: {count}</translation>
    </message>
    <message>
        <source>&amp;Open case</source>
        <translation>&amp;Fall öffnen</translation>
    </message>
    <message>
        <source>Snooze notifications for 1 &amp;hour</source>
        <translation>Benachrichtigungen 1 &amp;Stunde stummschalten</translation>
    </message>
    <message>
        <source>Snooze notifications until &amp;tomorrow</source>
        <translation>Benachrichtigungen bis &amp;morgen stummschalten</translation>
    </message>
</context>
<context>
    <name>CasesTableModel</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Due in (clock time)</source>
        <translation>Fällig in (Uhrzeit)</translation>
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
        <source>Wall-clock time to the next response target, nights and weekends included. A cell&apos;s tooltip shows the business time left, which the case detail counts.</source>
        <translation>Uhrzeit bis zur nächsten Reaktionsfrist, Nächte und Wochenenden eingerechnet. Der Tooltip einer Zelle zeigt die verbleibende Geschäftszeit, die auch die Falldetails zählen.</translation>
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
    <name>ConnectionActions</name>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Remove the token of {user} at {url} from the keyring? The synced data stays.</source>
        <translation>Das Token von {user} bei {url} aus dem Schlüsselbund entfernen? Die synchronisierten Daten bleiben erhalten.</translation>
    </message>
</context>
<context>
    <name>ConnectionPage</name>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show or hide the token</source>
        <translation>Token anzeigen oder verbergen</translation>
    </message>
    <message>
        <source>Optional: your company&apos;s CA certificates (PEM)</source>
        <translation>Optional: die CA-Zertifikate Ihres Unternehmens (PEM)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>The time zone of the RT API user (RT reads search dates in it)</source>
        <translation>Die Zeitzone des RT-API-Benutzers (RT liest Suchdaten in dieser Zeitzone)</translation>
    </message>
    <message>
        <source>RT time zone:</source>
        <translation>RT-Zeitzone:</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>CA bundle:</source>
        <translation>CA-Bundle:</translation>
    </message>
    <message>
        <source>Connect to Request Tracker</source>
        <translation>Mit Request Tracker verbinden</translation>
    </message>
    <message>
        <source>An auth token of your RT user (Preferences &gt; Auth Tokens).</source>
        <translation>Ein Auth-Token Ihres RT-Benutzers (Preferences &gt; Auth Tokens).</translation>
    </message>
    <message>
        <source>your RT user name</source>
        <translation>Ihr RT-Benutzername</translation>
    </message>
    <message>
        <source>RT user:</source>
        <translation>RT-Benutzer:</translation>
    </message>
    <message>
        <source>Connect to Zendesk</source>
        <translation>Mit Zendesk verbinden</translation>
    </message>
    <message>
        <source>Your agent email and an API token (Admin Center &gt; APIs).</source>
        <translation>Ihre Agenten-E-Mail-Adresse und ein API-Token (Admin Center &gt; APIs).</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Verbindung wird getestet…</translation>
    </message>
    <message>
        <source>Connected to Request Tracker {version} at {url} as {who}.</source>
        <translation>Mit Request Tracker {version} unter {url} als {who} verbunden.</translation>
    </message>
    <message>
        <source>Connected to Zendesk at {url} as {who}, role {role}.</source>
        <translation>Mit Zendesk unter {url} als {who} verbunden, Rolle {role}.</translation>
    </message>
    <message>
        <source>But the accounts could not be listed: {reason}</source>
        <translation>Die Kunden konnten jedoch nicht aufgelistet werden: {reason}</translation>
    </message>
    <message>
        <source>The address cannot be used</source>
        <translation>Die Adresse kann nicht verwendet werden</translation>
    </message>
    <message>
        <source>The server cannot be reached</source>
        <translation>Der Server ist nicht erreichbar</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted</source>
        <translation>Dem Zertifikat des Servers wird nicht vertraut</translation>
    </message>
    <message>
        <source>The server did not answer in time</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>The token was refused (401)</source>
        <translation>Das Token wurde abgelehnt (401)</translation>
    </message>
    <message>
        <source>The user may not read this (403)</source>
        <translation>Der Benutzer darf dies nicht lesen (403)</translation>
    </message>
    <message>
        <source>Nothing found at this address (404)</source>
        <translation>Unter dieser Adresse wurde nichts gefunden (404)</translation>
    </message>
    <message>
        <source>Test the connection again after a change.</source>
        <translation>Testen Sie die Verbindung nach einer Änderung erneut.</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA-Bundle</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>ConnectionWizard</name>
    <message>
        <source>Switch source</source>
        <translation>Quelle wechseln</translation>
    </message>
    <message>
        <source>Connect Advisor Desk</source>
        <translation>Advisor Desk verbinden</translation>
    </message>
    <message>
        <source>The demo needs a workspace of its own</source>
        <translation>Die Demo benötigt einen eigenen Arbeitsbereich</translation>
    </message>
    <message>
        <source>The token cannot be saved</source>
        <translation>Das Token kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Your keyring is locked, so the token cannot be saved in it.</source>
        <translation>Ihr Schlüsselbund ist gesperrt, daher kann das Token nicht darin gespeichert werden.</translation>
    </message>
    <message>
        <source>This computer has no keyring Advisor Desk can use, so the token cannot be saved.</source>
        <translation>Dieser Computer hat keinen Schlüsselbund, den Advisor Desk verwenden kann, daher kann das Token nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>The keyring refused the token.</source>
        <translation>Der Schlüsselbund hat das Token abgelehnt.</translation>
    </message>
    <message>
        <source>You can use the token for this session only: it stays in memory until you quit and is never written to disk; you will be asked for it again next time.

Details: {reason}</source>
        <translation>Sie können das Token nur für diese Sitzung verwenden: Es bleibt bis zum Beenden im Arbeitsspeicher und wird nie auf die Festplatte geschrieben; beim nächsten Mal werden Sie erneut danach gefragt.

Details: {reason}</translation>
    </message>
    <message>
        <source>Use for this session only</source>
        <translation>Nur für diese Sitzung verwenden</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Authorized</source>
        <translation>Autorisiert</translation>
    </message>
    <message>
        <source>Not authorized</source>
        <translation>Nicht autorisiert</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Cases from requesters who are not authorized</source>
        <translation>Fälle von nicht autorisierten Anfragenden</translation>
    </message>
    <message>
        <source>{count} authorized contacts (the {tier} tier publishes no limit)</source>
        <translation>Autorisierte Kontakte: {count} (die Stufe {tier} nennt kein Limit)</translation>
    </message>
    <message>
        <source>⚠ {count} authorized contacts: over the {tier} limit of {limit}</source>
        <translation>⚠ Autorisierte Kontakte: {count}, über dem Limit von {limit} der Stufe {tier}</translation>
    </message>
    <message>
        <source>{count} of {limit} authorized contacts ({tier})</source>
        <translation>{count} von {limit} autorisierten Kontakten ({tier})</translation>
    </message>
    <message>
        <source>Every case was filed by an authorized contact.</source>
        <translation>Alle Fälle wurden von autorisierten Kontakten eingereicht.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln case(s) filed by someone who is not an authorized contact</source>
        <translation>
            <numerusform>%Ln Fall, eingereicht von jemandem, der kein autorisierter Kontakt ist</numerusform>
            <numerusform>%Ln Fälle, eingereicht von jemandem, der kein autorisierter Kontakt ist</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>Unerwarteter Fehler</translation>
    </message>
    <message>
        <source>Something went wrong that the app did not expect.</source>
        <translation>Etwas ist schiefgegangen, womit die App nicht gerechnet hat.</translation>
    </message>
    <message>
        <source>What was saved before stays saved. You can go on working; if something looks wrong, restart the app. To report the problem, copy the details below and attach the log.</source>
        <translation>Was vorher gespeichert wurde, bleibt gespeichert. Sie können weiterarbeiten; wenn etwas falsch aussieht, starten Sie die App neu. Um das Problem zu melden, kopieren Sie die Details unten und hängen Sie das Protokoll an.</translation>
    </message>
    <message>
        <source>Log: {path}</source>
        <translation>Protokoll: {path}</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>Fehlerdetails</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>Details &amp;kopieren</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
</context>
<context>
    <name>DamagedWorkspace</name>
    <message>
        <source>The workspace could not be upgraded to this version of Advisor Desk.</source>
        <translation>Der Arbeitsbereich konnte nicht auf diese Version von Advisor Desk aktualisiert werden.</translation>
    </message>
    <message>
        <source>The workspace database is damaged. Nothing was written to it.</source>
        <translation>Die Datenbank des Arbeitsbereichs ist beschädigt. Es wurde nichts in sie geschrieben.</translation>
    </message>
    <message>
        <source>The backup taken just before the upgrade was put back; the failed file is kept beside it.</source>
        <translation>Die Sicherung von direkt vor der Aktualisierung wurde zurückgespielt; die fehlgeschlagene Datei bleibt daneben erhalten.</translation>
    </message>
    <message>
        <source>There is no backup to restore. The details below say what was found.</source>
        <translation>Es gibt keine Sicherung zum Wiederherstellen. Die Details unten nennen, was gefunden wurde.</translation>
    </message>
    <message>
        <source>The newest backup was taken on {when}. Restore it? Changes made since then are lost; the present file is kept beside it, renamed, not deleted.</source>
        <translation>Die neueste Sicherung stammt vom {when}. Wiederherstellen? Änderungen seitdem gehen verloren; die jetzige Datei bleibt umbenannt daneben erhalten, sie wird nicht gelöscht.</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
</context>
<context>
    <name>DiffDialog</name>
    <message>
        <source>No differences.</source>
        <translation>Keine Unterschiede.</translation>
    </message>
</context>
<context>
    <name>DraftComposer</name>
    <message>
        <source>Weekly update: {account}, {week}</source>
        <translation>Wochenbericht: {account}, {week}</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Regenerate from data</source>
        <translation>Aus den Daten neu erzeugen</translation>
    </message>
    <message>
        <source>Compare with last sent</source>
        <translation>Mit dem zuletzt gesendeten vergleichen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Markdown…</source>
        <translation>Markdown…</translation>
    </message>
    <message>
        <source>HTML…</source>
        <translation>HTML…</translation>
    </message>
    <message>
        <source>Plain text…</source>
        <translation>Nur Text…</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>E-mail draft (.eml)…</source>
        <translation>E-Mail-Entwurf (.eml)…</translation>
    </message>
    <message>
        <source>Copy to clipboard</source>
        <translation>In die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Mark as sent</source>
        <translation>Als gesendet markieren</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <source>What mattered this week, in your words (Markdown)</source>
        <translation>Was diese Woche wichtig war, in Ihren Worten (Markdown)</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>Highlights</translation>
    </message>
    <message>
        <source>Draft (Markdown)</source>
        <translation>Entwurf (Markdown)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <source>Deutsch</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>Sent {when}</source>
        <translation>Gesendet {when}</translation>
    </message>
    <message>
        <source>Drafted</source>
        <translation>Entworfen</translation>
    </message>
    <message>
        <source>Not drafted yet</source>
        <translation>Noch nicht entworfen</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Wird bearbeitet…</translation>
    </message>
    <message>
        <source>The draft has your edits: Regenerate from data to put the highlights into it.</source>
        <translation>Der Entwurf enthält Ihre Änderungen: Mit „Aus den Daten neu erzeugen“ übernehmen Sie die Highlights.</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>Gespeichert {time}</translation>
    </message>
    <message>
        <source>Replace your edits?</source>
        <translation>Ihre Änderungen ersetzen?</translation>
    </message>
    <message>
        <source>Regenerating writes the draft again from this week&apos;s data and replaces your edits.</source>
        <translation>Beim Neuerzeugen wird der Entwurf aus den Daten dieser Woche neu geschrieben; Ihre Änderungen werden dabei ersetzt.</translation>
    </message>
    <message>
        <source>Composing from this week&apos;s data…</source>
        <translation>Wird aus den Daten dieser Woche erstellt…</translation>
    </message>
    <message>
        <source>No update was sent for a week before this one.</source>
        <translation>Für keine frühere Woche wurde ein Wochenbericht gesendet.</translation>
    </message>
    <message>
        <source>{week} against {previous} (sent)</source>
        <translation>{week} im Vergleich zu {previous} (gesendet)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <source>Plain text (*.txt)</source>
        <translation>Nur Text (*.txt)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>E-mail draft (*.eml)</source>
        <translation>E-Mail-Entwurf (*.eml)</translation>
    </message>
    <message>
        <source>Export the update</source>
        <translation>Wochenbericht exportieren</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Exportiert nach {path}</translation>
    </message>
    <message>
        <source>Copied as rich text, with a plain-text alternative</source>
        <translation>Als formatierter Text kopiert, mit einer Nur-Text-Alternative</translation>
    </message>
    <message>
        <source>Marked as sent</source>
        <translation>Als gesendet markiert</translation>
    </message>
</context>
<context>
    <name>FlaggedCasesModel</name>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Anfragender</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Umfang</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Fälle</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Markierung</translation>
    </message>
    <message>
        <source>Beyond allotment</source>
        <translation>Über dem Kontingent</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>All cases</source>
        <translation>Alle Fälle</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← Zurück</translation>
    </message>
    <message>
        <source>Back to the list (Alt+Left)</source>
        <translation>Zurück zur Liste (Alt+Left)</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Fortschritt der Synchronisierung</translation>
    </message>
    <message>
        <source>Show Accounts No Longer Assigned to You</source>
        <translation>Accounts anzeigen, die Ihnen nicht mehr zugewiesen sind</translation>
    </message>
    <message>
        <source>List the accounts reassigned to someone else, with their service days, updates and notes</source>
        <translation>Die jemand anderem zugewiesenen Accounts mit ihren Servicetagen, Updates und Notizen auflisten</translation>
    </message>
    <message>
        <source>Choose an account first: its update is drafted.</source>
        <translation>Wählen Sie zuerst einen Kunden aus: Dessen Wochenbericht wird entworfen.</translation>
    </message>
    <message>
        <source>No notifications for this case until {when}</source>
        <translation>Keine Benachrichtigungen für diesen Fall bis {when}</translation>
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
        <source>{name} is not assigned to you any more; its service days, updates and notes are kept.</source>
        <translation>{name} ist Ihnen nicht mehr zugewiesen; Servicetage, Updates und Notizen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisierung läuft…</translation>
    </message>
    <message>
        <source>Newly assigned to you: {names}</source>
        <translation>Neu Ihnen zugewiesen: {names}</translation>
    </message>
    <message>
        <source>No longer set aside (its data is fixed): {names}</source>
        <translation>Nicht mehr zurückgestellt (Daten korrigiert): {names}</translation>
    </message>
    <message>
        <source>No longer assigned to you: {names} (View &gt; Show Accounts No Longer Assigned to You)</source>
        <translation>Nicht mehr Ihnen zugewiesen: {names} (Ansicht &gt; Accounts anzeigen, die Ihnen nicht mehr zugewiesen sind)</translation>
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
        <source>&amp;Today</source>
        <translation>&amp;Heute</translation>
    </message>
    <message>
        <source>What breaches next, what is owed this week, what changed (Ctrl+1)</source>
        <translation>Was als Nächstes verletzt wird, was diese Woche fällig ist, was sich geändert hat (Ctrl+1)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>&amp;Kunden</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Main area</source>
        <translation>Hauptbereich</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Updates</source>
        <translation>&amp;Wochenberichte</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Fall</translation>
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
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Move to the accounts list</source>
        <translation>Zur Kundenliste wechseln</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>All &amp;cases</source>
        <translation>&amp;Alle Fälle</translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <source>&amp;Filter cases</source>
        <translation>Fälle f&amp;iltern</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>Alt+Left</source>
        <translation>Alt+Left</translation>
    </message>
    <message>
        <source>&amp;Open case</source>
        <translation>&amp;Fall öffnen</translation>
    </message>
    <message>
        <source>Open the selected case (Enter in a list)</source>
        <translation>Den ausgewählten Fall öffnen (Enter in einer Liste)</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>Snooze notifications for 1 &amp;hour</source>
        <translation>Benachrichtigungen 1 &amp;Stunde stummschalten</translation>
    </message>
    <message>
        <source>Ctrl+Shift+H</source>
        <translation>Ctrl+Shift+H</translation>
    </message>
    <message>
        <source>Snooze notifications until &amp;tomorrow</source>
        <translation>Benachrichtigungen bis &amp;morgen stummschalten</translation>
    </message>
    <message>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <source>&amp;About Advisor Desk</source>
        <translation>Ü&amp;ber Advisor Desk</translation>
    </message>
    <message>
        <source>C&amp;onnect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <source>Connect this workspace to Request Tracker or Zendesk</source>
        <translation>Diesen Arbeitsbereich mit Request Tracker oder Zendesk verbinden</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>Sign o&amp;ut</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>Remove this connection&apos;s token from the keyring</source>
        <translation>Das Token dieser Verbindung aus dem Schlüsselbund entfernen</translation>
    </message>
    <message>
        <source>&amp;Draft this week&apos;s update…</source>
        <translation>Wochenbericht dieser Woche &amp;entwerfen…</translation>
    </message>
    <message>
        <source>Write this week&apos;s update of the account on screen</source>
        <translation>Den Wochenbericht dieser Woche für den angezeigten Kunden schreiben</translation>
    </message>
    <message>
        <source>Ctrl+U</source>
        <translation>Ctrl+U</translation>
    </message>
    <message>
        <source>Draft &amp;all updates due this week…</source>
        <translation>&amp;Alle fälligen Wochenberichte dieser Woche entwerfen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Write a note about this account</source>
        <translation>Eine Notiz zu diesem Kunden schreiben</translation>
    </message>
    <message>
        <source>Include in the weekly update</source>
        <translation>In den Wochenbericht aufnehmen</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Neue Notiz</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the note?</source>
        <translation>Notiz löschen?</translation>
    </message>
    <message>
        <source>The note is deleted for good.</source>
        <translation>Die Notiz wird endgültig gelöscht.</translation>
    </message>
    <message>
        <source>No notes about this account yet. Write one on the right and save it; tick “Include in the weekly update” to have it in the next draft.</source>
        <translation>Noch keine Notizen zu diesem Kunden. Schreiben Sie rechts eine und speichern Sie sie; mit „In den Wochenbericht aufnehmen“ steht sie im nächsten Entwurf.</translation>
    </message>
</context>
<context>
    <name>NotificationBanner</name>
    <message>
        <source>Notification</source>
        <translation>Benachrichtigung</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open the case</source>
        <translation>Den Fall öffnen</translation>
    </message>
    <message>
        <source>Snooze 1 h</source>
        <translation>1 h stummschalten</translation>
    </message>
    <message>
        <source>Snooze this case&apos;s notifications for an hour</source>
        <translation>Die Benachrichtigungen zu diesem Fall eine Stunde lang stummschalten</translation>
    </message>
    <message>
        <source>Until tomorrow</source>
        <translation>Bis morgen</translation>
    </message>
    <message>
        <source>Snooze this case&apos;s notifications until tomorrow</source>
        <translation>Die Benachrichtigungen zu diesem Fall bis morgen stummschalten</translation>
    </message>
    <message>
        <source>Close the notification</source>
        <translation>Die Benachrichtigung schließen</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Advisor Desk</source>
        <translation>Advisor Desk</translation>
    </message>
    <message>
        <source>Breached: {case} ({account})</source>
        <translation>Verletzt: {case} ({account})</translation>
    </message>
    <message>
        <source>At risk: {case} ({account})</source>
        <translation>Gefährdet: {case} ({account})</translation>
    </message>
    <message>
        <source>New Severity 1: {case} ({account})</source>
        <translation>Neu mit Schweregrad 1: {case} ({account})</translation>
    </message>
    <message>
        <source>{first} · and {more} more</source>
        <translation>{first} · und {more} weitere</translation>
    </message>
    <message>
        <source>Advisor Desk: {count} case events</source>
        <translation>Advisor Desk: Fallereignisse: {count}</translation>
    </message>
</context>
<context>
    <name>OpenInSource</name>
    <message>
        <source>Open in &amp;source</source>
        <translation>In der &amp;Quelle öffnen</translation>
    </message>
    <message>
        <source>Open the case&apos;s ticket in {source} in your browser</source>
        <translation>Das Ticket des Falls in {source} im Browser öffnen</translation>
    </message>
    <message>
        <source>The demo has no web interface to open cases in</source>
        <translation>Die Demo hat keine Weboberfläche, in der sich Fälle öffnen lassen</translation>
    </message>
    <message>
        <source>Connect a ticketing system to open cases in it</source>
        <translation>Verbinden Sie ein Ticketsystem, um Fälle darin zu öffnen</translation>
    </message>
    <message>
        <source>Choose a case first: its ticket opens in the browser.</source>
        <translation>Wählen Sie zuerst einen Fall: sein Ticket öffnet sich im Browser.</translation>
    </message>
    <message>
        <source>This case has no page in a ticketing system to open.</source>
        <translation>Dieser Fall hat keine Seite in einem Ticketsystem, die sich öffnen ließe.</translation>
    </message>
    <message>
        <source>No browser could open {url}</source>
        <translation>Kein Browser konnte {url} öffnen</translation>
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
    <name>SearchPopup</name>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Search accounts, cases and notes</source>
        <translation>Kunden, Fälle und Notizen durchsuchen</translation>
    </message>
    <message>
        <source>Search accounts, cases and notes…</source>
        <translation>Kunden, Fälle und Notizen durchsuchen…</translation>
    </message>
    <message>
        <source>Search text</source>
        <translation>Suchtext</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Suchstatus</translation>
    </message>
    <message>
        <source>Type part of an account name, a case number, subject or requester.</source>
        <translation>Geben Sie einen Teil eines Kundennamens, einer Fallnummer, eines Betreffs oder eines Anfragenden ein.</translation>
    </message>
    <message>
        <source>No matches for “{text}”.</source>
        <translation>Keine Treffer für „{text}“.</translation>
    </message>
    <message>
        <source>The best {count} matches · Enter opens · Esc closes</source>
        <translation>Die besten {count} Treffer · Enter öffnet · Esc schließt</translation>
    </message>
    <message>
        <source>{count} matches · Enter opens · Esc closes</source>
        <translation>Treffer: {count} · Enter öffnet · Esc schließt</translation>
    </message>
    <message>
        <source>Open in source</source>
        <translation>In der Quelle öffnen</translation>
    </message>
</context>
<context>
    <name>ServiceDayDialog</name>
    <message>
        <source>Correct service days</source>
        <translation>Service-Tage korrigieren</translation>
    </message>
    <message>
        <source>Book service days</source>
        <translation>Service-Tage buchen</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>What was done, with whom</source>
        <translation>Was wurde gemacht, mit wem</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>&amp;Umfang:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>A&amp;rt:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>Linked &amp;cases:</source>
        <translation>Verknüpfte &amp;Fälle:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Buchen</translation>
    </message>
    <message>
        <source>Beyond the allotment</source>
        <translation>Über dem Kontingent</translation>
    </message>
    <message>
        <source>{message}

Book it anyway? The entry will be flagged.</source>
        <translation>{message}

Trotzdem buchen? Der Eintrag wird markiert.</translation>
    </message>
</context>
<context>
    <name>ServiceDaysTab</name>
    <message>
        <source>Contract year</source>
        <translation>Vertragsjahr</translation>
    </message>
    <message>
        <source>The contract year to show and export</source>
        <translation>Das Vertragsjahr, das angezeigt und exportiert wird</translation>
    </message>
    <message>
        <source>Book…</source>
        <translation>Buchen…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>Korrigieren…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Service-day ledger</source>
        <translation>Service-Tage-Buchungen</translation>
    </message>
    <message>
        <source>Contract &amp;year:</source>
        <translation>&amp;Vertragsjahr:</translation>
    </message>
    <message>
        <source>{used} days used; the tier publishes no allotment</source>
        <translation>{used} Tage genutzt; die Stufe nennt kein Kontingent</translation>
    </message>
    <message>
        <source>{used} of {allotted} days used · {left} left · unused days lapse after {end}</source>
        <translation>{used} von {allotted} Tagen genutzt · {left} übrig · ungenutzte Tage verfallen nach dem {end}</translation>
    </message>
    <message>
        <source>{over} days booked beyond the allotment of this contract year.</source>
        <translation>{over} Tage über das Kontingent dieses Vertragsjahres hinaus gebucht.</translation>
    </message>
    <message>
        <source>A past contract year: {left} days lapsed unused on {end}.</source>
        <translation>Ein vergangenes Vertragsjahr: {left} Tage sind am {end} ungenutzt verfallen.</translation>
    </message>
    <message>
        <source>This contract includes no service days.</source>
        <translation>Dieser Vertrag enthält keine Service-Tage.</translation>
    </message>
    <message>
        <source>The allotment is used up.</source>
        <translation>Das Kontingent ist aufgebraucht.</translation>
    </message>
    <message>
        <source>At this pace the allotment runs out on {day}.</source>
        <translation>Bei diesem Tempo ist das Kontingent am {day} aufgebraucht.</translation>
    </message>
    <message>
        <source>{days} days will lapse unused on {day} at this pace.</source>
        <translation>Bei diesem Tempo verfallen am {day} {days} Tage ungenutzt.</translation>
    </message>
    <message>
        <source>Deleted the entry of {day}. Ctrl+Z brings it back.</source>
        <translation>Der Eintrag vom {day} wurde gelöscht. Mit Ctrl+Z stellen Sie ihn wieder her.</translation>
    </message>
    <message>
        <source>Service days</source>
        <translation>Service-Tage</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Exportiert nach {path}</translation>
    </message>
    <message>
        <source>Export service days</source>
        <translation>Service-Tage exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>{path} kann nicht geschrieben werden: {reason}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>Change connection…</source>
        <translation>Verbindung ändern…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Switch source…</source>
        <translation>Quelle wechseln…</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Demodaten</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>from ADVISOR_APP_TOKEN (not stored)</source>
        <translation>aus ADVISOR_APP_TOKEN (nicht gespeichert)</translation>
    </message>
    <message>
        <source>held for this session only</source>
        <translation>nur für diese Sitzung gespeichert</translation>
    </message>
    <message>
        <source>in the keyring</source>
        <translation>im Schlüsselbund</translation>
    </message>
    <message>
        <source>missing: sign in again with Change connection</source>
        <translation>fehlt: Melden Sie sich über „Verbindung ändern“ erneut an</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <source>Remove the token of {user} at {url} from the keyring? The synced data stays; syncing stops until you connect again.</source>
        <translation>Das Token von {user} bei {url} aus dem Schlüsselbund entfernen? Die synchronisierten Daten bleiben erhalten; die Synchronisierung ruht, bis Sie sich erneut verbinden.</translation>
    </message>
    <message>
        <source>Hidden (kept in the database, no longer shown or synced), from {sources}: accounts {accounts}, cases {cases}, contacts {contacts}.</source>
        <translation>Ausgeblendet (bleiben in der Datenbank, werden aber nicht mehr angezeigt oder synchronisiert), aus {sources}: Kunden {accounts}, Fälle {cases}, Kontakte {contacts}.</translation>
    </message>
    <message>
        <source>Kept as they are: {kept}.</source>
        <translation>Unverändert beibehalten: {kept}.</translation>
    </message>
    <message>
        <source>Switch source</source>
        <translation>Quelle wechseln</translation>
    </message>
    <message>
        <source>Start over with another source?</source>
        <translation>Mit einer anderen Quelle neu beginnen?</translation>
    </message>
    <message>
        <source>Nothing changes until you click Connect in the wizard.</source>
        <translation>Es ändert sich nichts, bis Sie im Assistenten auf „Verbinden“ klicken.</translation>
    </message>
    <message>
        <source>Choose the new source…</source>
        <translation>Neue Quelle wählen…</translation>
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
    <name>SkipWeekDialog</name>
    <message>
        <source>Skip {week}</source>
        <translation>{week} überspringen</translation>
    </message>
    <message>
        <source>Why no update is needed this week (required)</source>
        <translation>Warum diese Woche kein Wochenbericht nötig ist (Pflichtfeld)</translation>
    </message>
    <message>
        <source>Skip the week</source>
        <translation>Woche überspringen</translation>
    </message>
    <message>
        <source>Reason for skipping the update of {week}:</source>
        <translation>Grund für das Überspringen des Wochenberichts für {week}:</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <source>Where do your cases live?</source>
        <translation>Wo werden Ihre Fälle verwaltet?</translation>
    </message>
    <message>
        <source>Advisor Desk keeps a copy of your accounts and cases on this computer.</source>
        <translation>Advisor Desk speichert eine Kopie Ihrer Kunden und Fälle auf diesem Computer.</translation>
    </message>
    <message>
        <source>Request Tracker</source>
        <translation>Request Tracker</translation>
    </message>
    <message>
        <source>RT 5 with the REST2 API and an auth token.</source>
        <translation>RT 5 mit der REST2-API und einem Auth-Token.</translation>
    </message>
    <message>
        <source>Zendesk</source>
        <translation>Zendesk</translation>
    </message>
    <message>
        <source>Zendesk Support, with your email and an API token.</source>
        <translation>Zendesk Support, mit Ihrer E-Mail-Adresse und einem API-Token.</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Demodaten</translation>
    </message>
    <message>
        <source>25 made-up accounts to try the app.</source>
        <translation>25 erfundene Kunden zum Ausprobieren der App.</translation>
    </message>
    <message>
        <source>Start demo</source>
        <translation>Demo starten</translation>
    </message>
</context>
<context>
    <name>StartWeekDialog</name>
    <message>
        <source>Weekly updates owed from</source>
        <translation>Wochenberichte geschuldet ab</translation>
    </message>
    <message>
        <source>Updates are owed from the &amp;week of:</source>
        <translation>Wochenberichte sind geschuldet ab der &amp;Woche vom:</translation>
    </message>
    <message>
        <source>From the first sync</source>
        <translation>Ab der ersten Synchronisierung</translation>
    </message>
    <message>
        <source>week {week}</source>
        <translation>Woche {week}</translation>
    </message>
</context>
<context>
    <name>StatusMapEditor</name>
    <message>
        <source>New (open, not yet worked)</source>
        <translation>Neu (offen, noch nicht bearbeitet)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Waiting on the customer</source>
        <translation>Wartet auf den Kunden</translation>
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
        <source>Status meanings</source>
        <translation>Bedeutung der Status</translation>
    </message>
    <message>
        <source>Status at the source</source>
        <translation>Status in der Quelle</translation>
    </message>
    <message>
        <source>Means</source>
        <translation>Bedeutet</translation>
    </message>
    <message>
        <source>Add status</source>
        <translation>Status hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>Standardwerte</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>The SLA policy decides which meanings pause or stop which clock. Apply re-measures the clocks.</source>
        <translation>Die SLA-Richtlinie legt fest, welche Bedeutung welche Uhr anhält oder stoppt. Übernehmen misst die Uhren neu.</translation>
    </message>
    <message>
        <source>The saved status map cannot be used: {error}</source>
        <translation>Die gespeicherte Statuszuordnung ist nicht verwendbar: {error}</translation>
    </message>
    <message>
        <source>Meaning of {status}</source>
        <translation>Bedeutung von {status}</translation>
    </message>
    <message numerus="yes">
        <source>Saved; %Ln case(s) re-measured.</source>
        <translation>
            <numerusform>Gespeichert; %Ln Fall neu gemessen.</numerusform>
            <numerusform>Gespeichert; %Ln Fälle neu gemessen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDetailsDialog</name>
    <message>
        <source>Records the last syncs could not store, with when they were seen and why</source>
        <translation>Datensätze, die die letzten Synchronisierungen nicht speichern konnten, mit Zeitpunkt und Grund</translation>
    </message>
    <message>
        <source>RT at {host} reads the dates of its searches at {actual} (the API user&apos;s time zone), but this workspace&apos;s RT time zone, {setting}, is {configured} then: set it to the API user&apos;s zone (Settings &gt; Change connection).</source>
        <translation>RT auf {host} liest die Daten seiner Suchen in {actual} (der Zeitzone des API-Benutzers), aber die RT-Zeitzone dieses Arbeitsbereichs, {setting}, ist dann {configured}: Stellen Sie die Zeitzone des API-Benutzers ein (Einstellungen &gt; Verbindung ändern).</translation>
    </message>
    <message>
        <source>No change is lost meanwhile: every search starts {hours} hours early.</source>
        <translation>Bis dahin geht keine Änderung verloren: Jede Suche beginnt {hours} Stunden früher.</translation>
    </message>
    <message>
        <source>Changes may be missed until it is.</source>
        <translation>Bis dahin können Änderungen übersehen werden.</translation>
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
        <source>Newly assigned to you: {names}.</source>
        <translation>Neu Ihnen zugewiesen: {names}.</translation>
    </message>
    <message>
        <source>No longer set aside (its data is fixed): {names}.</source>
        <translation>Nicht mehr zurückgestellt (Daten korrigiert): {names}.</translation>
    </message>
    <message>
        <source>No longer assigned to you: {names} (their service days, updates and notes are kept).</source>
        <translation>Nicht mehr Ihnen zugewiesen: {names} (Servicetage, Updates und Notizen bleiben erhalten).</translation>
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
    <message>
        <source>Warning: {warning}</source>
        <translation>Warnung: {warning}</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>First sync</source>
        <translation>Erste Synchronisierung</translation>
    </message>
    <message>
        <source>Copying your accounts and cases to this computer.</source>
        <translation>Ihre Kunden und Fälle werden auf diesen Computer kopiert.</translation>
    </message>
    <message>
        <source>Cancel sync</source>
        <translation>Synchronisierung abbrechen</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Stopping after the current page…</source>
        <translation>Wird nach der aktuellen Seite angehalten…</translation>
    </message>
    <message>
        <source>Done. Accounts: {accounts}, cases: {cases}, contacts: {contacts}. Click Finish to start.</source>
        <translation>Fertig. Kunden: {accounts}, Fälle: {cases}, Kontakte: {contacts}. Klicken Sie auf „Fertigstellen“, um zu beginnen.</translation>
    </message>
    <message>
        <source>Sync stopped. What was copied is kept; the next sync continues from there.</source>
        <translation>Synchronisierung abgebrochen. Bereits Kopiertes bleibt erhalten; die nächste Synchronisierung setzt dort fort.</translation>
    </message>
    <message>
        <source>The sync stopped: {reason}
The connection is saved; the window will try again.</source>
        <translation>Die Synchronisierung wurde abgebrochen: {reason}
Die Verbindung ist gespeichert; das Fenster versucht es erneut.</translation>
    </message>
</context>
<context>
    <name>SyncRunner</name>
    <message>
        <source>Syncing {stream}: {count}</source>
        <translation>Synchronisiere {stream}: {count}</translation>
    </message>
    <message>
        <source>Waiting {seconds} s before asking the source again ({reason})</source>
        <translation>Warte {seconds} s, bevor die Quelle erneut gefragt wird ({reason})</translation>
    </message>
</context>
<context>
    <name>TodayItemsModel</name>
    <message>
        <source>{case} · {account}</source>
        <translation>{case} · {account}</translation>
    </message>
    <message>
        <source>Breached: {case} · {account}</source>
        <translation>Verletzt: {case} · {account}</translation>
    </message>
    <message>
        <source>New: {case} · {account}</source>
        <translation>Neu: {case} · {account}</translation>
    </message>
    <message>
        <source>{case}: {old} → {new}</source>
        <translation>{case}: {old} → {new}</translation>
    </message>
    <message>
        <source>{account}: {week} overdue since {when}</source>
        <translation>{account}: {week} überfällig seit {when}</translation>
    </message>
    <message>
        <source>{account}: {week} drafted, not sent · due {when}</source>
        <translation>{account}: {week} entworfen, nicht gesendet · fällig {when}</translation>
    </message>
    <message>
        <source>{account}: {week} due {when}</source>
        <translation>{account}: {week} fällig {when}</translation>
    </message>
    <message>
        <source>{account}: {count} authorized contacts, {limit} allowed</source>
        <translation>{account}: {count} autorisierte Kontakte, {limit} erlaubt</translation>
    </message>
    <message>
        <source>{account}: service days run out on {day} at this pace ({used} of {allotted} used)</source>
        <translation>{account}: Bei diesem Tempo sind die Service-Tage am {day} aufgebraucht ({used} von {allotted} genutzt)</translation>
    </message>
    <message>
        <source>{account}: {days} days will lapse unused on {day} at this pace</source>
        <translation>{account}: Bei diesem Tempo verfallen am {day} {days} Tage ungenutzt</translation>
    </message>
    <message>
        <source>{account}: {over} days over the allotment ({used} of {allotted})</source>
        <translation>{account}: {over} Tage über dem Kontingent ({used} von {allotted})</translation>
    </message>
    <message>
        <source>At {when}</source>
        <translation>Um {when}</translation>
    </message>
    <message>
        <source>Enter opens the case</source>
        <translation>Enter öffnet den Fall</translation>
    </message>
    <message>
        <source>Enter opens the account</source>
        <translation>Enter öffnet den Kunden</translation>
    </message>
</context>
<context>
    <name>TodaySection</name>
    <message>
        <source>{title} ({count})</source>
        <translation>{title} ({count})</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>&amp;Breaches next: breached first, then by clock time to the deadline</source>
        <translation>&amp;Als Nächstes verletzt: verletzte zuerst, dann nach Uhrzeit bis zur Frist</translation>
    </message>
    <message>
        <source>Open cases, breached first, then by clock time to the deadline</source>
        <translation>Offene Fälle, verletzte zuerst, dann nach Uhrzeit bis zur Frist</translation>
    </message>
    <message>
        <source>New Severity 1</source>
        <translation>Neu mit Schweregrad 1</translation>
    </message>
    <message>
        <source>No new Severity 1 cases.</source>
        <translation>Keine neuen Fälle mit Schweregrad 1.</translation>
    </message>
    <message>
        <source>Weekly updates overdue or due</source>
        <translation>Wochenberichte überfällig oder fällig</translation>
    </message>
    <message>
        <source>Every weekly update owed so far is sent or skipped.</source>
        <translation>Jeder bisher geschuldete Wochenbericht ist gesendet oder übersprungen.</translation>
    </message>
    <message>
        <source>Service days and contacts to look at</source>
        <translation>Service-Tage und Kontakte prüfen</translation>
    </message>
    <message>
        <source>No service-day balance or contact limit needs attention.</source>
        <translation>Kein Service-Tage-Saldo und kein Kontaktlimit braucht Aufmerksamkeit.</translation>
    </message>
    <message>
        <source>Since you were last here</source>
        <translation>Seit Ihrem letzten Besuch</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Nichts hat sich geändert.</translation>
    </message>
    <message>
        <source>Today · {when}</source>
        <translation>Heute · {when}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>In the last 24 hours</source>
        <translation>In den letzten 24 Stunden</translation>
    </message>
    <message>
        <source>Since you were last here ({when})</source>
        <translation>Seit Ihrem letzten Besuch ({when})</translation>
    </message>
    <message>
        <source>{lead}: new cases: {new}, breaches: {breaches}, status changes: {status}. Last sync: {synced}.</source>
        <translation>{lead}: neue Fälle: {new}, Verletzungen: {breaches}, Statusänderungen: {status}. Letzte Synchronisierung: {synced}.</translation>
    </message>
    <message>
        <source>This workspace is not connected to a ticketing system yet, so there is nothing to show. File › Connect… brings in your accounts and cases.</source>
        <translation>Dieser Arbeitsbereich ist noch mit keinem Ticketsystem verbunden, daher gibt es nichts anzuzeigen. Datei › Verbinden… holt Ihre Kunden und Fälle.</translation>
    </message>
</context>
<context>
    <name>UsageChangesModel</name>
    <message>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Week ending</source>
        <translation>Woche bis</translation>
    </message>
    <message>
        <source>Mean per day</source>
        <translation>Mittel pro Tag</translation>
    </message>
    <message>
        <source>Week before</source>
        <translation>Vorwoche</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Veränderung</translation>
    </message>
</context>
<context>
    <name>UsageImportDialog</name>
    <message>
        <source>Import usage: {name}</source>
        <translation>Nutzung importieren: {name}</translation>
    </message>
    <message>
        <source>Rows that cannot be imported</source>
        <translation>Zeilen, die nicht importiert werden können</translation>
    </message>
    <message>
        <source>Import the {count} good rows</source>
        <translation>Die {count} gültigen Zeilen importieren</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) cannot be imported; nothing has been imported yet.</source>
        <translation>
            <numerusform>%Ln Zeile kann nicht importiert werden; bisher wurde nichts importiert.</numerusform>
            <numerusform>%Ln Zeilen können nicht importiert werden; bisher wurde nichts importiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UsageTab</name>
    <message>
        <source>Import CSV…</source>
        <translation>CSV importieren…</translation>
    </message>
    <message>
        <source>Columns: {columns}; account by name or id</source>
        <translation>Spalten: {columns}; Kunde per Name oder ID</translation>
    </message>
    <message>
        <source>Week-over-week changes</source>
        <translation>Veränderungen gegenüber der Vorwoche</translation>
    </message>
    <message>
        <source>Week over week (mean per day):</source>
        <translation>Im Vergleich zur Vorwoche (Mittel pro Tag):</translation>
    </message>
    <message>
        <source>No usage metrics for this account yet.</source>
        <translation>Für diesen Kunden gibt es noch keine Nutzungsdaten.</translation>
    </message>
    <message>
        <source>Import usage</source>
        <translation>Nutzung importieren</translation>
    </message>
    <message>
        <source>Import usage metrics</source>
        <translation>Nutzungsdaten importieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln row(s).</source>
        <translation>
            <numerusform>%Ln Zeile importiert.</numerusform>
            <numerusform>%Ln Zeilen importiert.</numerusform>
        </translation>
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
    <name>WeekHistoryModel</name>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Drafted</source>
        <translation>Entworfen</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Not owed</source>
        <translation>Nicht vereinbart</translation>
    </message>
    <message>
        <source>{first} – {last}</source>
        <translation>{first} – {last}</translation>
    </message>
    <message>
        <source>Sent late</source>
        <translation>Verspätet gesendet</translation>
    </message>
    <message>
        <source>Sent {when}</source>
        <translation>Gesendet {when}</translation>
    </message>
</context>
<context>
    <name>WeeklyUpdatesTab</name>
    <message>
        <source>&amp;Draft…</source>
        <translation>&amp;Entwerfen…</translation>
    </message>
    <message>
        <source>Write the selected week&apos;s update (Enter or double-click a week)</source>
        <translation>Den Wochenbericht der ausgewählten Woche schreiben (Enter oder Doppelklick auf eine Woche)</translation>
    </message>
    <message>
        <source>Skip…</source>
        <translation>Überspringen…</translation>
    </message>
    <message>
        <source>Unskip</source>
        <translation>Nicht mehr überspringen</translation>
    </message>
    <message>
        <source>Owed &amp;from…</source>
        <translation>Geschuldet &amp;ab…</translation>
    </message>
    <message>
        <source>Choose the week from which this account is owed weekly updates</source>
        <translation>Die Woche wählen, ab der diesem Kunden Wochenberichte geschuldet sind</translation>
    </message>
    <message>
        <source>Weekly updates by week</source>
        <translation>Wochenberichte nach Woche</translation>
    </message>
    <message>
        <source>Due every {weekday} at {time} ({zone})</source>
        <translation>Fällig jeden {weekday} um {time} ({zone})</translation>
    </message>
    <message>
        <source>Owed from {week} (chosen by you)</source>
        <translation>Geschuldet ab {week} (von Ihnen gewählt)</translation>
    </message>
    <message>
        <source>Owed from {week}, the week this workspace started tracking the account</source>
        <translation>Geschuldet ab {week}, der Woche, in der dieser Arbeitsbereich den Kunden zu verfolgen begann</translation>
    </message>
    <message>
        <source>This contract does not include weekly updates; the weeks are listed for reference.</source>
        <translation>Dieser Vertrag enthält keine Wochenberichte; die Wochen sind nur zur Information aufgeführt.</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %Ln overdue update(s) since {start}; the oldest is {week}.</source>
        <translation>
            <numerusform>⚠ %Ln überfälliger Wochenbericht seit {start}; der älteste ist {week}.</numerusform>
            <numerusform>⚠ %Ln überfällige Wochenberichte seit {start}; der älteste ist {week}.</numerusform>
        </translation>
    </message>
    <message>
        <source>This week&apos;s update ({week}) is {state}; due {due}.</source>
        <translation>Der Wochenbericht dieser Woche ({week}) ist {state}; fällig {due}.</translation>
    </message>
    <message>
        <source>Skipped {week}. Ctrl+Z takes it back.</source>
        <translation>{week} übersprungen. Mit Ctrl+Z machen Sie das rückgängig.</translation>
    </message>
    <message>
        <source>{week} is no longer skipped.</source>
        <translation>{week} wird nicht mehr übersprungen.</translation>
    </message>
    <message>
        <source>Updates are owed from the first sync&apos;s week again. Ctrl+Z takes it back.</source>
        <translation>Wochenberichte sind wieder ab der Woche der ersten Synchronisierung geschuldet. Mit Ctrl+Z machen Sie das rückgängig.</translation>
    </message>
    <message>
        <source>Updates are owed from {week}. Ctrl+Z takes it back.</source>
        <translation>Wochenberichte sind ab {week} geschuldet. Mit Ctrl+Z machen Sie das rückgängig.</translation>
    </message>
    <message>
        <source>Weekly updates</source>
        <translation>Wochenberichte</translation>
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
    <name>errors</name>
    <message>
        <source>The sync was cancelled; what it had fetched is kept.</source>
        <translation>Die Synchronisierung wurde abgebrochen; was sie schon abgerufen hatte, bleibt erhalten.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the address and the network.</source>
        <translation>Der Server ist nicht erreichbar. Prüfen Sie die Adresse und das Netzwerk.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted. Check the address or the CA bundle.</source>
        <translation>Dem Zertifikat des Servers wird nicht vertraut. Prüfen Sie die Adresse oder das CA-Bündel.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Try again later.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet. Versuchen Sie es später noch einmal.</translation>
    </message>
    <message>
        <source>The connection to the server was lost. Try again.</source>
        <translation>Die Verbindung zum Server ist abgebrochen. Versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>The server did not accept the token. Sign in again with a valid token.</source>
        <translation>Der Server hat das Token nicht angenommen. Melden Sie sich mit einem gültigen Token neu an.</translation>
    </message>
    <message>
        <source>The token&apos;s user may not read this. Ask the administrator for the rights.</source>
        <translation>Der Benutzer des Tokens darf dies nicht lesen. Bitten Sie die Administration um die Rechte.</translation>
    </message>
    <message>
        <source>Nothing was found at this address. Check the server&apos;s URL.</source>
        <translation>Unter dieser Adresse wurde nichts gefunden. Prüfen Sie die URL des Servers.</translation>
    </message>
    <message>
        <source>The server asked to slow down. The next sync tries again.</source>
        <translation>Der Server bittet um weniger Anfragen. Die nächste Synchronisierung versucht es erneut.</translation>
    </message>
    <message>
        <source>The server had an error. The next sync tries again.</source>
        <translation>Auf dem Server ist ein Fehler aufgetreten. Die nächste Synchronisierung versucht es erneut.</translation>
    </message>
    <message>
        <source>The connection settings cannot be used.</source>
        <translation>Die Verbindungseinstellungen sind nicht verwendbar.</translation>
    </message>
    <message>
        <source>The server sent an answer the app does not understand.</source>
        <translation>Der Server hat eine Antwort geschickt, die die App nicht versteht.</translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation>Der Server hat die Anfrage abgelehnt.</translation>
    </message>
    <message>
        <source>This workspace is not connected to a ticketing system, or its token is missing.</source>
        <translation>Dieser Arbeitsbereich ist mit keinem Ticketsystem verbunden, oder sein Token fehlt.</translation>
    </message>
    <message>
        <source>This workspace holds the data of another source; it cannot be mixed.</source>
        <translation>Dieser Arbeitsbereich enthält die Daten einer anderen Quelle; sie lassen sich nicht mischen.</translation>
    </message>
    <message>
        <source>The sync stopped; what it had fetched is kept.</source>
        <translation>Die Synchronisierung wurde angehalten; was sie schon abgerufen hatte, bleibt erhalten.</translation>
    </message>
    <message>
        <source>The keyring is locked. Unlock it and try again.</source>
        <translation>Der Schlüsselbund ist gesperrt. Entsperren Sie ihn und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>No keyring is available on this system to keep the token.</source>
        <translation>Auf diesem System gibt es keinen Schlüsselbund, der das Token aufbewahren kann.</translation>
    </message>
    <message>
        <source>The keyring could not keep or give the token.</source>
        <translation>Der Schlüsselbund konnte das Token nicht speichern oder herausgeben.</translation>
    </message>
    <message>
        <source>The workspace was written by a newer version of the app.</source>
        <translation>Der Arbeitsbereich wurde von einer neueren Version der App geschrieben.</translation>
    </message>
    <message>
        <source>The workspace cannot be used.</source>
        <translation>Der Arbeitsbereich ist nicht verwendbar.</translation>
    </message>
    <message>
        <source>The service-day entry was not saved.</source>
        <translation>Der Service-Tag-Eintrag wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>The weekly update was not changed.</source>
        <translation>Der Wochenbericht wurde nicht geändert.</translation>
    </message>
    <message>
        <source>The contract value was not saved.</source>
        <translation>Der Vertragswert wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>Nothing was undone.</source>
        <translation>Nichts wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>The change was not saved.</source>
        <translation>Die Änderung wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>The usage file was not imported.</source>
        <translation>Die Nutzungsdatei wurde nicht importiert.</translation>
    </message>
    <message>
        <source>The note was not saved.</source>
        <translation>Die Notiz wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>The draft could not be made or changed.</source>
        <translation>Der Entwurf konnte nicht erstellt oder geändert werden.</translation>
    </message>
    <message>
        <source>The file could not be read or written.</source>
        <translation>Die Datei konnte nicht gelesen oder geschrieben werden.</translation>
    </message>
    <message>
        <source>The quiet hours in the settings cannot be used.</source>
        <translation>Die Ruhezeiten in den Einstellungen sind nicht verwendbar.</translation>
    </message>
    <message>
        <source>The status meanings were not saved.</source>
        <translation>Die Bedeutungen der Status wurden nicht gespeichert.</translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation>Das hat nicht funktioniert.</translation>
    </message>
    <message>
        <source>{used} of {allotted} allotted days are already used; this booking would go beyond the contract year&apos;s allotment.</source>
        <translation>{used} von {allotted} zugeteilten Tagen sind schon verbraucht; diese Buchung ginge über das Kontingent des Vertragsjahres hinaus.</translation>
    </message>
    <message>
        <source>Template {name}</source>
        <translation>Vorlage {name}</translation>
    </message>
    <message>
        <source>Template {name}, line {line}</source>
        <translation>Vorlage {name}, Zeile {line}</translation>
    </message>
    <message>
        <source>the workspace&apos;s logs folder</source>
        <translation>der Protokollordner des Arbeitsbereichs</translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({kind}). The details are in the log: {path}</source>
        <translation>Etwas Unerwartetes ist schiefgegangen ({kind}). Die Details stehen im Protokoll: {path}</translation>
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
<context>
    <name>obligations</name>
    <message>
        <source>On site</source>
        <translation>Vor Ort</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Remote</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Schulung</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} Tage</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undo: {what} (Ctrl+Z)</source>
        <translation>Rückgängig: {what} (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Nichts rückgängig zu machen</translation>
    </message>
    <message>
        <source>Undone: {what}</source>
        <translation>Rückgängig gemacht: {what}</translation>
    </message>
</context>
<context>
    <name>search</name>
    <message>
        <source>Account</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>Suchen…</translation>
    </message>
</context>
<context>
    <name>usage</name>
    <message>
        <source>Active users</source>
        <translation>Aktive Benutzer</translation>
    </message>
    <message>
        <source>Cards viewed</source>
        <translation>Aufgerufene Cards</translation>
    </message>
    <message>
        <source>Dataflow runs</source>
        <translation>Dataflow-Läufe</translation>
    </message>
    <message>
        <source>Storage (GB)</source>
        <translation>Speicher (GB)</translation>
    </message>
    <message>
        <source>{metric}  ({change} on the week before)</source>
        <translation>{metric}  ({change} zur Vorwoche)</translation>
    </message>
</context>
</TS>
