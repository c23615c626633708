#!/usr/bin/perl
# Populate a freshly initialised Request Tracker 5 database (made by
# `rt-setup-database-5 --action init`) with what the Advisor Desk
# integration tests need, using RT's own Perl API.
#
# Reads a JSON spec on stdin, prints one JSON object on stdout.
# The RT site config is selected by the caller through the RT_SITE_CONFIG
# and RT_SITE_CONFIG_DIR environment variables (see RT::Config::LoadConfig),
# so the system-wide /etc/request-tracker5 configuration is never read.
#
# Spec:
#   {
#     "queue": "Advisor Desk",
#     "custom_fields": {"Severity": {"type": "Select", "values": ["1","2","3"]},
#                       "Account":  {"type": "Freeform"}},
#     "agent_group": "Advisor Agents",
#     "users": [ {"name": "advisor-api", "email": "...", "privileged": 1,
#                 "password": "...", "agent": 1, "token": 1}, ... ],
#     "catalog": {"name": "Accounts", "custom_fields": ["Tier", "Region", ...]},   (optional)
#     "authorized_group": {"name": "Authorized Contacts", "members": ["alice"]}    (optional)
#   }
# Output:
#   {"rt_version": "...", "queue_id": N, "custom_field_ids": {"Severity": N},
#    "users": {"advisor-api": {"id": N, "token": "1-N-..."}},
#    "catalog_id": N, "asset_custom_field_ids": {"Tier": N, ...}, "authorized_group_id": N}
use strict;
use warnings;

use lib '/usr/share/request-tracker5/lib', '/usr/local/share/request-tracker5/lib';
use JSON::PP ();

my $json = JSON::PP->new->canonical->utf8;
my $spec = $json->decode(do { local $/; <STDIN> });

require RT;
RT::LoadConfig();
RT::Init();

my $system = RT->SystemUser;

sub check {
    my ($what, $ok, $msg) = @_;
    die "setup_rt.pl: $what failed: " . ($msg // 'unknown error') . "\n" unless $ok;
    return $ok;
}

# --- queue -----------------------------------------------------------------
my $queue = RT::Queue->new($system);
check("create queue $spec->{queue}",
      $queue->Create(Name => $spec->{queue}, Description => 'Advisor Desk integration tests',
                     CorrespondAddress => '', CommentAddress => ''));

# --- group of agents ---------------------------------------------------------
my $agents = RT::Group->new($system);
check("create group $spec->{agent_group}",
      $agents->CreateUserDefinedGroup(Name => $spec->{agent_group}));

my @agent_queue_rights = qw(
    SeeQueue ShowTicket ShowTicketComments CreateTicket ModifyTicket
    ReplyToTicket CommentOnTicket OwnTicket TakeTicket StealTicket
    ShowOutgoingEmail Watch WatchAsAdminCc DeleteTicket
);
for my $right (@agent_queue_rights) {
    check("grant $right to agents", $agents->PrincipalObj->GrantRight(Right => $right, Object => $queue));
}
# Agents need to look up users and groups (watchers, creators of transactions).
for my $right (qw(SeeGroup ShowUserHistory)) {
    check("grant global $right to agents",
          $agents->PrincipalObj->GrantRight(Right => $right, Object => RT->System));
}

# Unprivileged requestors: create tickets in the queue and see/reply to their own.
my $everyone = RT::Group->new($system);
$everyone->LoadSystemInternalGroup('Everyone');
check('load Everyone', $everyone->id);
for my $right (qw(CreateTicket SeeQueue)) {
    check("grant $right to Everyone", $everyone->PrincipalObj->GrantRight(Right => $right, Object => $queue));
}
my $requestor_role = $queue->RoleGroup('Requestor');
unless ($requestor_role && $requestor_role->id) {
    # Queue role groups are created with the queue; be defensive anyway.
    $requestor_role = RT::Group->new($system);
    $requestor_role->LoadRoleGroup(Object => $queue, Name => 'Requestor');
}
check('load Requestor role group', $requestor_role->id);
for my $right (qw(ShowTicket ReplyToTicket)) {
    check("grant $right to Requestor role",
          $requestor_role->PrincipalObj->GrantRight(Right => $right, Object => $queue));
}

# --- ticket custom fields applied to the queue -------------------------------
my %cf_ids;
for my $name (sort keys %{ $spec->{custom_fields} }) {
    my $def = $spec->{custom_fields}{$name};
    my $cf  = RT::CustomField->new($system);
    check("create custom field $name",
          $cf->Create(Name => $name, Type => $def->{type}, MaxValues => 1,
                      LookupType => RT::Ticket->CustomFieldLookupType,
                      Description => "$name (Advisor Desk tests)"));
    my $order = 0;
    for my $value (@{ $def->{values} || [] }) {
        check("add value $value to $name", $cf->AddValue(Name => "$value", SortOrder => ++$order));
    }
    check("apply $name to queue", $cf->AddToObject($queue));
    for my $right (qw(SeeCustomField ModifyCustomField)) {
        check("grant $right on $name to agents", $agents->PrincipalObj->GrantRight(Right => $right, Object => $cf));
    }
    # Requestors may set the field when creating a ticket and see it afterwards.
    check("grant SetInitialCustomField on $name to Everyone",
          $everyone->PrincipalObj->GrantRight(Right => 'SetInitialCustomField', Object => $cf));
    check("grant SeeCustomField on $name to Requestor role",
          $requestor_role->PrincipalObj->GrantRight(Right => 'SeeCustomField', Object => $cf));
    $cf_ids{$name} = $cf->id;
}

# --- users and their auth tokens ----------------------------------------------
my %users;
for my $u (@{ $spec->{users} }) {
    my $user = RT::User->new($system);
    check("create user $u->{name}",
          $user->Create(Name => $u->{name}, EmailAddress => $u->{email},
                        RealName => $u->{real_name} // $u->{name},
                        Privileged => $u->{privileged} ? 1 : 0,
                        Password => $u->{password}));
    if ($u->{agent}) {
        check("add $u->{name} to agents", $agents->AddMember($user->PrincipalId));
    }
    my %out = (id => $user->id);
    if ($u->{token}) {
        my $token = RT::AuthToken->new($system);
        my ($id, $msg, $authstring) = $token->Create(Owner => $user->id,
                                                     Description => 'Advisor Desk integration tests');
        check("create auth token for $u->{name}", $id, $msg);
        $out{token} = $authstring;
    }
    $users{$u->{name}} = \%out;
}

# --- asset catalog of accounts: one asset per account, Freeform fields --------
# Agents may see the catalog, its assets and their fields (and nothing more: tests
# create and change assets as root).
my ($catalog_id, %asset_cf_ids);
if (my $cat = $spec->{catalog}) {
    my $catalog = RT::Catalog->new($system);
    check("create catalog $cat->{name}",
          $catalog->Create(Name => $cat->{name}, Description => 'Accounts (Advisor Desk tests)'));
    $catalog_id = $catalog->id;
    for my $right (qw(ShowCatalog ShowAsset)) {
        check("grant $right on catalog to agents",
              $agents->PrincipalObj->GrantRight(Right => $right, Object => $catalog));
    }
    for my $name (@{ $cat->{custom_fields} }) {
        my $cf = RT::CustomField->new($system);
        check("create asset custom field $name",
              $cf->Create(Name => $name, Type => 'Freeform', MaxValues => 1,
                          LookupType => RT::Asset->CustomFieldLookupType,
                          Description => "$name (Advisor Desk tests)"));
        check("apply $name to catalog", $cf->AddToObject($catalog));
        check("grant SeeCustomField on $name to agents",
              $agents->PrincipalObj->GrantRight(Right => 'SeeCustomField', Object => $cf));
        $asset_cf_ids{$name} = $cf->id;
    }
}

# --- group of authorized contacts (agents see it through their global SeeGroup) --
my $authorized_group_id;
if (my $group_spec = $spec->{authorized_group}) {
    my $group = RT::Group->new($system);
    check("create group $group_spec->{name}", $group->CreateUserDefinedGroup(Name => $group_spec->{name}));
    for my $name (@{ $group_spec->{members} || [] }) {
        my $user = RT::User->new($system);
        $user->Load($name);
        check("load user $name", $user->id);
        check("add $name to $group_spec->{name}", $group->AddMember($user->PrincipalId));
    }
    $authorized_group_id = $group->id;
}

print $json->encode({
    rt_version             => $RT::VERSION,
    queue_id               => $queue->id,
    custom_field_ids       => \%cf_ids,
    users                  => \%users,
    catalog_id             => $catalog_id,
    asset_custom_field_ids => \%asset_cf_ids,
    authorized_group_id    => $authorized_group_id,
}), "\n";
exit 0;
