/* test-community-roster.c: FerryRosterJob against fedisim's community fixture
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roster from each source on each flavour: the admin accounts list (Mastodon v2,
 * GoToSocial, Akkoma), the profile directory (Mastodon, Akkoma; GoToSocial has none), the
 * community account's followers, a list the helper owns; the admin path refused without the
 * role or without the scope, with the reason said. What must not happen: a token to another
 * host, a page asked twice, a 429.
 */

#include "config.h"

#include <string.h>

#include "ferry-api-error.h"
#include "ferry-client-community.h"
#include "ferry-oauth.h"
#include "ferry-memory-store.h"
#include "ferry-server-info.h"
#include "ferry-sign-in.h"
#include "ferry-test-community-util.h"
#include "ferry-test-util.h"

#define N_MEMBERS 60
#define MANAGE_USERS 0x400
#define ADMINISTRATOR 0x1

typedef struct
{
  FedisimFlavour flavour;
  FerryMemberSource source;
} RosterCase;

static FerryClient *
helper_client (FerryTestCommunity *t,
               guint64             permissions,
               const char         *scopes)
{
  g_autofree char *token = NULL;

  fedisim_server_add_user (t->old_server, "helper", "pw");
  if (permissions != 0)
    fedisim_server_set_admin (t->old_server, "helper", permissions);
  token = fedisim_server_issue_token (t->old_server, "helper", scopes);
  return ferry_test_community_client (t, t->old_server, token);
}

static JsonNode *
call (FerryClient *client,
      const char  *method,
      const char  *path,
      FerryParams *params)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  ferry_client_call_async (client, method, path, params, NULL, ferry_test_got_result, &result);
  ferry_test_wait_for (&result);
  node = ferry_client_call_finish (client, result, NULL, &error);
  g_assert_no_error (error);
  return node;
}

static const char *
id_of (JsonNode *node)
{
  return json_object_get_string_member (json_node_get_object (node), "id");
}

/* A list of the helper's with the members at these positions (followed first, as Mastodon
 * wants: list_account.rb must_be_following). */
static char *
make_list (FerryTestCommunity *t,
           FerryClient        *client,
           const guint        *positions,
           guint               n)
{
  g_autoptr(FerryParams) params = ferry_params_add (ferry_params_new (), "title", "Club");
  g_autoptr(JsonNode) list = call (client, "POST", "/api/v1/lists", params);
  g_autofree char *path = g_strdup_printf ("/api/v1/lists/%s/accounts", id_of (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FerryParams) lookup = ferry_params_add (ferry_params_new (), "acct",
                                                        t->names[positions[i]]);
      g_autoptr(JsonNode) account = call (client, "GET", "/api/v1/accounts/lookup", lookup);
      g_autofree char *follow = g_strdup_printf ("/api/v1/accounts/%s/follow", id_of (account));
      g_autoptr(JsonNode) followed = call (client, "POST", follow, NULL);
      g_autoptr(FerryParams) add = ferry_params_add (ferry_params_new (), "account_ids[]",
                                                     id_of (account));
      g_autoptr(JsonNode) added = call (client, "POST", path, add);
    }
  return g_strdup (id_of (list));
}

static gboolean
is_member (FerryTestCommunity *t,
           const char         *address,
           const char        **username)
{
  g_autofree char *suffix = g_strdup_printf ("@%s", fedisim_server_get_host (t->old_server));

  if (!g_str_has_suffix (address, suffix))
    return FALSE;
  for (guint i = 0; t->names[i] != NULL; i++)
    if (strlen (address) == strlen (t->names[i]) + strlen (suffix) &&
        g_str_has_prefix (address, t->names[i]))
      {
        *username = t->names[i];
        return TRUE;
      }
  return FALSE;
}

static guint
count_truth (FerryTestCommunity *t,
             FedisimMemberState  state)
{
  return fedisim_community_count_state (t->old_server, state);
}

static void
test_source (gconstpointer data)
{
  const RosterCase *c = data;
  FerryTestCommunity t;
  g_autoptr(FerryCommunity) community = NULL;
  g_autoptr(FerryClient) client = NULL;
  g_autoptr(FerryRosterJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) problems = NULL;
  g_autofree char *list_id = NULL;
  guint listed[5];
  guint n, n_others, min_expected, max_expected;

  ferry_test_community_setup (&t, c->flavour, FEDISIM_FLAVOUR_MASTODON, N_MEMBERS, 21,
                              "club");
  client = helper_client (&t, c->source == FERRY_MEMBER_SOURCE_ADMIN ? ADMINISTRATOR : 0,
                          "read write follow admin:read:accounts");
  community = ferry_test_community_model (&t);
  if (c->source == FERRY_MEMBER_SOURCE_FOLLOWERS)
    {
      g_autofree char *club = g_strdup_printf ("club@%s", fedisim_server_get_host (t.old_server));

      ferry_community_set_community_account (community, club);
    }
  /* Five members who are there to follow (not gone, not moved: following a moved account is
   * refused). */
  for (guint i = 0, k = 0; k < G_N_ELEMENTS (listed); i++)
    {
      FedisimMemberState truth = fedisim_community_truth (t.old_server, t.names[i]);

      if (truth == FEDISIM_MEMBER_NOT_STARTED || truth == FEDISIM_MEMBER_NEW_ACCOUNT ||
          truth == FEDISIM_MEMBER_ALIAS_SET || truth == FEDISIM_MEMBER_INACTIVE)
        listed[k++] = i;
    }
  if (c->source == FERRY_MEMBER_SOURCE_LIST)
    list_id = make_list (&t, client, listed, G_N_ELEMENTS (listed));
  fedisim_server_reset_counts (t.old_server);

  job = ferry_roster_job_new (community, NULL, c->source);
  ferry_roster_job_set_client (job, client);
  ferry_roster_job_set_list_id (job, list_id);
  ferry_roster_job_set_tls_database (job, t.trust);
  g_assert_true (ferry_test_community_run (FERRY_JOB (job), &error));
  g_assert_no_error (error);
  problems = ferry_roster_job_get_problems (job);
  g_assert_cmpuint (g_strv_length (problems), ==, 0);

  n = ferry_community_get_n_members (community);
  n_others = 0;
  for (guint i = 0; i < n; i++)
    {
      const char *address = ferry_member_get_old_address (ferry_community_get_member (community,
                                                                                      i));

      if (g_str_has_prefix (address, "helper@") || g_str_has_prefix (address, "club@"))
        n_others++;
    }
  switch (c->source)
    {
    case FERRY_MEMBER_SOURCE_ADMIN:
      /* Everyone not suspended (status=active) nor deleted: moved ones too. */
      min_expected = max_expected = N_MEMBERS - count_truth (&t, FEDISIM_MEMBER_SUSPENDED) -
                                    count_truth (&t, FEDISIM_MEMBER_DELETED);
      break;
    case FERRY_MEMBER_SOURCE_DIRECTORY:
      /* Only the discoverable who have not moved (account.rb: searchable, discoverable). */
      min_expected = 1;
      max_expected = count_truth (&t, FEDISIM_MEMBER_NOT_STARTED) +
                     count_truth (&t, FEDISIM_MEMBER_NEW_ACCOUNT) +
                     count_truth (&t, FEDISIM_MEMBER_ALIAS_SET) +
                     count_truth (&t, FEDISIM_MEMBER_INACTIVE) - 1;
      break;
    case FERRY_MEMBER_SOURCE_FOLLOWERS:
      min_expected = N_MEMBERS - count_truth (&t, FEDISIM_MEMBER_SUSPENDED) -
                     count_truth (&t, FEDISIM_MEMBER_DELETED);
      max_expected = N_MEMBERS;
      break;
    case FERRY_MEMBER_SOURCE_LIST:
    case FERRY_MEMBER_SOURCE_NONE:
    case FERRY_MEMBER_SOURCE_PASTED:
    case FERRY_MEMBER_SOURCE_CSV:
    case FERRY_MEMBER_SOURCE_MANUAL:
    default:
      min_expected = max_expected = G_N_ELEMENTS (listed);
      break;
    }
  g_test_message ("%u members from the source (%u..%u expected, %u others)", n - n_others,
                  min_expected, max_expected, n_others);
  g_assert_cmpuint (n_others, <=, 2);
  g_assert_cmpuint (n - n_others, >=, min_expected);
  g_assert_cmpuint (n - n_others, <=, max_expected);
  g_assert_cmpuint (ferry_roster_job_get_n_found (job), ==, n);
  g_assert_cmpuint (ferry_roster_job_get_n_added (job), ==, n);

  for (guint i = 0; i < n; i++)
    {
      FerryMember *member = ferry_community_get_member (community, i);
      const char *username = NULL;
      FedisimMemberState truth;

      /* The two local accounts that are not the fixture's members. */
      if (g_str_has_prefix (ferry_member_get_old_address (member), "helper@") ||
          g_str_has_prefix (ferry_member_get_old_address (member), "club@"))
        continue;
      g_assert_true (is_member (&t, ferry_member_get_old_address (member), &username));
      g_assert_cmpuint (ferry_member_get_sources (member), ==, c->source);
      g_assert_true (ferry_member_has_baseline (member));
      truth = fedisim_community_truth (t.old_server, username);
      /* Before the move the old account shows every follower: the fixture's baseline (and the
       * helper, who followed the members of the list). */
      if (truth == FEDISIM_MEMBER_NOT_STARTED || truth == FEDISIM_MEMBER_NEW_ACCOUNT ||
          truth == FEDISIM_MEMBER_ALIAS_SET || truth == FEDISIM_MEMBER_INACTIVE)
        g_assert_cmpint (ferry_member_get_baseline_followers (member), ==,
                         fedisim_community_baseline_followers (t.old_server, username) +
                         (c->source == FERRY_MEMBER_SOURCE_LIST));
      g_assert_nonnull (ferry_member_get_baseline_last_status (member));
    }
  if (c->source == FERRY_MEMBER_SOURCE_LIST)
    for (guint i = 0; i < G_N_ELEMENTS (listed); i++)
      {
        g_autofree char *address = g_strdup_printf ("%s@%s", t.names[listed[i]],
                                                    fedisim_server_get_host (t.old_server));

        g_assert_nonnull (ferry_community_find_member (community, address));
      }
  /* Akkoma's admin list shows no counts: each baseline took one lookup, no more. */
  if (c->flavour == FEDISIM_FLAVOUR_AKKOMA && c->source == FERRY_MEMBER_SOURCE_ADMIN)
    g_assert_cmpuint (fedisim_server_request_count (t.old_server, "GET /api/v1/accounts/lookup"),
                      ==, n);
  else
    g_assert_cmpuint (ferry_roster_job_get_n_looked_up (job), ==, 0);

  /* What must not happen. */
  g_assert_cmpuint (ferry_test_community_n_429 (&t), ==, 0);
  g_assert_cmpuint (fedisim_server_answer_count (t.new_server), ==, 0);
  g_assert_cmpuint (fedisim_server_status_count (t.old_server, 401), ==, 0);

  g_clear_object (&job);
  g_clear_object (&client);
  g_clear_object (&community);
  ferry_test_community_teardown (&t);
}

/* GoToSocial has no directory: the source is skipped with its reason, and the job fails as
 * no source could be read. */
static void
test_no_directory (void)
{
  FerryTestCommunity t;
  g_autoptr(FerryCommunity) community = NULL;
  g_autoptr(FerryRosterJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) problems = NULL;

  ferry_test_community_setup (&t, FEDISIM_FLAVOUR_GOTOSOCIAL, FEDISIM_FLAVOUR_MASTODON, 10, 2,
                              NULL);
  community = ferry_test_community_model (&t);
  job = ferry_roster_job_new (community, NULL, FERRY_MEMBER_SOURCE_DIRECTORY);
  ferry_roster_job_set_tls_database (job, t.trust);
  g_assert_false (ferry_test_community_run (FERRY_JOB (job), &error));
  g_assert_error (error, FERRY_API_ERROR, FERRY_API_ERROR_UNSUPPORTED);
  problems = ferry_roster_job_get_problems (job);
  g_assert_cmpuint (g_strv_length (problems), ==, 1);
  g_assert_nonnull (strstr (problems[0], "directory"));
  g_assert_cmpuint (ferry_community_get_n_members (community), ==, 0);

  g_clear_object (&job);
  g_clear_object (&community);
  ferry_test_community_teardown (&t);
}

typedef struct
{
  FedisimFlavour flavour;
  guint64        permissions;
  const char    *scopes;
  const char    *reason;   /* a word the problem must contain */
} RefusedCase;

/* The admin path refused, for the role or for the scope: the reason said; with the directory
 * asked too, the roster still comes from it. */
static void
test_admin_refused (gconstpointer data)
{
  const RefusedCase *c = data;
  FerryTestCommunity t;
  g_autoptr(FerryCommunity) community = NULL;
  g_autoptr(FerryClient) client = NULL;
  g_autoptr(FerryRosterJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) problems = NULL;

  ferry_test_community_setup (&t, c->flavour, FEDISIM_FLAVOUR_MASTODON, 20, 4, NULL);
  client = helper_client (&t, c->permissions, c->scopes);
  community = ferry_test_community_model (&t);
  job = ferry_roster_job_new (community, NULL, FERRY_MEMBER_SOURCE_ADMIN);
  ferry_roster_job_set_client (job, client);
  ferry_roster_job_set_tls_database (job, t.trust);
  g_assert_false (ferry_test_community_run (FERRY_JOB (job), &error));
  g_assert_error (error, FERRY_API_ERROR, FERRY_API_ERROR_FORBIDDEN);
  problems = ferry_roster_job_get_problems (job);
  g_assert_cmpuint (g_strv_length (problems), ==, 1);
  g_test_message ("%s", problems[0]);
  g_assert_nonnull (strstr (problems[0], c->reason));
  g_assert_cmpuint (ferry_community_get_n_members (community), ==, 0);
  /* Refused once, not asked again and again. */
  g_assert_cmpuint (fedisim_server_status_count (t.old_server, 403), ==, 1);

  if (c->flavour != FEDISIM_FLAVOUR_GOTOSOCIAL)
    {
      g_autoptr(FerryRosterJob) both = NULL;
      g_auto(GStrv) again = NULL;

      both = ferry_roster_job_new (community, NULL,
                                   FERRY_MEMBER_SOURCE_ADMIN | FERRY_MEMBER_SOURCE_DIRECTORY);
      ferry_roster_job_set_client (both, client);
      ferry_roster_job_set_tls_database (both, t.trust);
      g_clear_error (&error);
      g_assert_true (ferry_test_community_run (FERRY_JOB (both), &error));
      g_assert_no_error (error);
      again = ferry_roster_job_get_problems (both);
      g_assert_cmpuint (g_strv_length (again), ==, 1);
      g_assert_cmpuint (ferry_community_get_n_members (community), >, 0);
    }
  g_assert_cmpuint (ferry_test_community_n_429 (&t), ==, 0);

  g_clear_object (&job);
  g_clear_object (&client);
  g_clear_object (&community);
  ferry_test_community_teardown (&t);
}

static FerryCommunityAccount *
parse_account (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return ferry_community_account_new_from_json ("old.example", node);
}

/* What an account object tells, as each server sends it (mastodon:
 * app/serializers/rest/account_serializer.rb). */
static void
test_parse (void)
{
  g_autoptr(FerryCommunityAccount) plain = NULL;
  g_autoptr(FerryCommunityAccount) moved = NULL;
  g_autoptr(FerryCommunityAccount) suspended = NULL;
  g_autoptr(FerryCommunityAccount) bad = NULL;
  g_autoptr(FerryCommunityAccount) copy = NULL;

  plain = parse_account ("{\"id\":\"7\",\"acct\":\"Alice\",\"followers_count\":12,"
                         "\"following_count\":3,\"statuses_count\":40,"
                         "\"last_status_at\":\"2026-11-02\",\"discoverable\":true}");
  g_assert_nonnull (plain);
  g_assert_false (plain->gone);
  g_assert_cmpstr (plain->address, ==, "alice@old.example");
  g_assert_cmpint (plain->followers, ==, 12);
  g_assert_cmpint (plain->following, ==, 3);
  g_assert_cmpint (plain->statuses, ==, 40);
  g_assert_cmpstr (plain->last_status_at, ==, "2026-11-02");
  g_assert_null (plain->moved_to);
  g_assert_false (plain->suspended);
  g_assert_true (plain->discoverable);

  /* A time (GoToSocial, Akkoma) is cut to its day; hidden counts are unknown, not 0. */
  moved = parse_account ("{\"id\":\"8\",\"acct\":\"bob\",\"last_status_at\":"
                         "\"2026-10-01T12:00:00.000Z\",\"moved\":{\"id\":\"1\","
                         "\"acct\":\"bob@New.Example\"}}");
  g_assert_cmpstr (moved->last_status_at, ==, "2026-10-01");
  g_assert_cmpstr (moved->moved_to, ==, "bob@new.example");
  g_assert_cmpint (moved->followers, ==, -1);

  suspended = parse_account ("{\"id\":\"9\",\"acct\":\"eve\",\"suspended\":true,"
                             "\"limited\":true,\"last_status_at\":\"yesterday\"}");
  g_assert_true (suspended->suspended);
  g_assert_true (suspended->limited);
  g_assert_null (suspended->last_status_at);

  bad = parse_account ("{\"acct\":\"no-id\"}");
  g_assert_null (bad);
  copy = ferry_community_account_copy (plain);
  g_assert_cmpstr (copy->address, ==, plain->address);
  g_assert_true (copy->address != plain->address);
}

/* admin:read:accounts only where asked for: never in the individual journey's sign-in. */
static void
test_admin_scope (void)
{
  FerryTestCommunity t;
  g_autoptr(FerryClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryServerInfo) info = NULL;
  g_autofree char *old_scopes = NULL;
  g_autofree char *new_scopes = NULL;
  g_autofree char *app_scopes = NULL;
  g_autofree char *helper = NULL;

  ferry_test_community_setup (&t, FEDISIM_FLAVOUR_MASTODON, FEDISIM_FLAVOUR_MASTODON, 2, 1,
                              NULL);
  client = ferry_test_community_client (&t, t.old_server, NULL);
  ferry_server_info_probe_async (client, NULL, ferry_test_got_result, &result);
  info = ferry_server_info_probe_finish (ferry_test_wait_for (&result), &error);
  g_assert_no_error (error);
  /* The probe's other requests end too before the world goes. */
  for (guint i = 0; i < 100; i++)
    g_main_context_iteration (NULL, FALSE);
  old_scopes = ferry_oauth_scopes_for (info, FERRY_OAUTH_READ | FERRY_OAUTH_MOVE_AWAY);
  new_scopes = ferry_oauth_scopes_for (info, FERRY_OAUTH_WRITE);
  app_scopes = ferry_oauth_app_scopes_for (info);
  helper = ferry_oauth_scopes_for (info, FERRY_OAUTH_READ | FERRY_OAUTH_ADMIN_READ);
  g_assert_null (strstr (old_scopes, "admin:"));
  g_assert_null (strstr (new_scopes, "admin:"));
  g_assert_null (strstr (app_scopes, "admin:"));
  g_assert_nonnull (strstr (helper, "admin:read:accounts"));
  g_assert_true (ferry_oauth_scopes_cover (helper, "read:accounts read:lists read:follows"));

  g_clear_object (&client);
  ferry_test_community_teardown (&t);
}

static gboolean
handled_elsewhere (FerrySignIn *job,
                   const char  *url,
                   gpointer     user_data)
{
  return TRUE;
}

/* Signs in with the pasted code, the person played by fedisim's browser; returns the job. */
static FerrySignIn *
sign_in (FerryTestCommunity *t,
         FerrySecretStore   *store,
         FerryOAuthAccess    extra,
         char              **authorize_url)
{
  g_autoptr(FerrySignIn) job = ferry_sign_in_new (fedisim_server_get_host (t->old_server),
                                                  FERRY_ROLE_OLD, store, t->trust);
  g_autoptr(FedisimBrowser) browser = fedisim_browser_new (t->world);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccount) account = NULL;
  g_autofree char *code = NULL;

  ferry_sign_in_set_paste_code (job, TRUE);
  ferry_sign_in_set_force_login (job, TRUE);
  if (extra != 0)
    ferry_sign_in_set_extra_access (job, extra);
  g_signal_connect (job, "open-uri", G_CALLBACK (handled_elsewhere), NULL);
  ferry_sign_in_run_async (job, NULL, ferry_test_got_result, &result);
  while (ferry_sign_in_get_stage (job) != FERRY_SIGN_IN_WAITING_FOR_CODE && result == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (result != NULL)
    {
      g_autoptr(FerryAccount) none = ferry_sign_in_run_finish (job, result, &error);

      g_assert_no_error (error);
    }
  *authorize_url = g_uri_unescape_string (ferry_sign_in_get_authorize_url (job), NULL);
  code = fedisim_browser_authorize (browser, ferry_sign_in_get_authorize_url (job), "helper",
                                    "pw", &error);
  g_assert_no_error (error);
  ferry_sign_in_submit_code (job, code);
  account = ferry_sign_in_run_finish (job, ferry_test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (account);
  return g_steal_pointer (&job);
}

/* The helper's sign-in with the admin option asks for admin:read:accounts (registering Ferry
 * with it), and its token reads the admin list; the sign-in without it does not ask. */
static void
test_admin_sign_in (void)
{
  FerryTestCommunity t;
  g_autoptr(FerrySecretStore) store = ferry_memory_store_new ();
  g_autoptr(FerrySignIn) plain = NULL;
  g_autoptr(FerrySignIn) admin = NULL;
  g_autoptr(FerryCommunity) community = NULL;
  g_autoptr(FerryRosterJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plain_url = NULL;
  g_autofree char *admin_url = NULL;
  guint apps;

  ferry_test_community_setup (&t, FEDISIM_FLAVOUR_MASTODON, FEDISIM_FLAVOUR_MASTODON, 12, 6,
                              NULL);
  fedisim_server_add_user (t.old_server, "helper", "pw");
  fedisim_server_set_admin (t.old_server, "helper", MANAGE_USERS);

  plain = sign_in (&t, store, 0, &plain_url);
  g_assert_null (strstr (plain_url, "admin:"));
  apps = fedisim_server_request_count (t.old_server, "POST /api/v1/apps");
  g_assert_cmpuint (apps, ==, 1);

  admin = sign_in (&t, store, FERRY_OAUTH_ADMIN_READ, &admin_url);
  g_assert_nonnull (strstr (admin_url, "admin:read:accounts"));
  /* The kept registration did not have the scope: Ferry registered again, with it. */
  g_assert_cmpuint (fedisim_server_request_count (t.old_server, "POST /api/v1/apps"), ==, 2);

  community = ferry_test_community_model (&t);
  /* The plain sign-in's token is refused for the scope, said so. */
  job = ferry_roster_job_new (community, NULL, FERRY_MEMBER_SOURCE_ADMIN);
  ferry_roster_job_set_client (job, ferry_sign_in_get_client (plain));
  ferry_roster_job_set_tls_database (job, t.trust);
  g_assert_false (ferry_test_community_run (FERRY_JOB (job), &error));
  g_assert_error (error, FERRY_API_ERROR, FERRY_API_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "admin:read:accounts"));
  g_clear_error (&error);
  g_clear_object (&job);

  job = ferry_roster_job_new (community, NULL, FERRY_MEMBER_SOURCE_ADMIN);
  ferry_roster_job_set_client (job, ferry_sign_in_get_client (admin));
  ferry_roster_job_set_tls_database (job, t.trust);
  g_assert_true (ferry_test_community_run (FERRY_JOB (job), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ferry_community_get_n_members (community), >, 0);
  g_assert_cmpuint (ferry_test_community_n_429 (&t), ==, 0);

  g_clear_object (&job);
  g_clear_object (&community);
  g_clear_object (&plain);
  g_clear_object (&admin);
  ferry_test_community_teardown (&t);
}

/* A helper's client for another server than the community's old one: its token is not used
 * there, nor anywhere (the old server is asked nothing that needs it, the other nothing). */
static void
test_token_stays_home (void)
{
  FerryTestCommunity t;
  g_autoptr(FerryCommunity) community = NULL;
  g_autoptr(FerryClient) elsewhere = NULL;
  g_autoptr(FerryRosterJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) problems = NULL;
  g_autofree char *token = NULL;

  ferry_test_community_setup (&t, FEDISIM_FLAVOUR_MASTODON, FEDISIM_FLAVOUR_MASTODON, 10, 8,
                              NULL);
  fedisim_server_add_user (t.elsewhere, "helper", "pw");
  fedisim_server_set_admin (t.elsewhere, "helper", ADMINISTRATOR);
  token = fedisim_server_issue_token (t.elsewhere, "helper", "read admin:read:accounts");
  elsewhere = ferry_test_community_client (&t, t.elsewhere, token);
  community = ferry_test_community_model (&t);
  fedisim_server_reset_counts (t.old_server);
  fedisim_server_reset_counts (t.elsewhere);
  job = ferry_roster_job_new (community, NULL, FERRY_MEMBER_SOURCE_ADMIN |
                                               FERRY_MEMBER_SOURCE_LIST);
  ferry_roster_job_set_client (job, elsewhere);
  ferry_roster_job_set_list_id (job, "1");
  ferry_roster_job_set_tls_database (job, t.trust);
  g_assert_false (ferry_test_community_run (FERRY_JOB (job), &error));
  g_assert_error (error, FERRY_API_ERROR, FERRY_API_ERROR_AUTH);
  problems = ferry_roster_job_get_problems (job);
  g_assert_cmpuint (g_strv_length (problems), ==, 2);
  g_assert_nonnull (strstr (problems[0], "signed in"));
  g_assert_cmpuint (fedisim_server_answer_count (t.old_server), ==, 0);
  g_assert_cmpuint (fedisim_server_answer_count (t.elsewhere), ==, 0);
  g_assert_cmpuint (ferry_community_get_n_members (community), ==, 0);

  g_clear_object (&job);
  g_clear_object (&elsewhere);
  g_clear_object (&community);
  ferry_test_community_teardown (&t);
}

/* A directory of several pages: each page once, every listed member once. */
static void
test_directory_pages (void)
{
  FerryTestCommunity t;
  g_autoptr(FerryCommunity) community = NULL;
  g_autoptr(FerryRosterJob) job = NULL;
  g_autoptr(GError) error = NULL;
  guint n, pages;

  ferry_test_community_setup (&t, FEDISIM_FLAVOUR_MASTODON, FEDISIM_FLAVOUR_MASTODON, 400, 9,
                              NULL);
  community = ferry_test_community_model (&t);
  fedisim_server_reset_counts (t.old_server);
  job = ferry_roster_job_new (community, NULL, FERRY_MEMBER_SOURCE_DIRECTORY);
  ferry_roster_job_set_tls_database (job, t.trust);
  g_assert_true (ferry_test_community_run (FERRY_JOB (job), &error));
  g_assert_no_error (error);
  n = ferry_community_get_n_members (community);
  pages = fedisim_server_request_count (t.old_server, "GET /api/v1/directory");
  g_test_message ("%u members in %u pages", n, pages);
  g_assert_cmpuint (n, >, 80);
  g_assert_cmpuint (ferry_roster_job_get_n_found (job), ==, n);
  /* Full pages of 80, then the rest, then an empty one. */
  g_assert_cmpuint (pages, ==, n / 80 + 1 + (n % 80 != 0));
  g_assert_cmpuint (ferry_test_community_n_429 (&t), ==, 0);

  g_clear_object (&job);
  g_clear_object (&community);
  ferry_test_community_teardown (&t);
}

static GPtrArray *
admin_list (FerryClient       *client,
            FerryAdminFlavour  flavour)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *accounts;

  ferry_client_community_admin_accounts_async (client, flavour, NULL, ferry_test_got_result,
                                               &result);
  accounts = ferry_client_community_admin_accounts_finish (client, ferry_test_wait_for (&result),
                                                           &error);
  g_assert_no_error (error);
  return accounts;
}

/* Mastodon's v1 admin list (before 4.0: local, active) gives the same members as v2, through
 * its Link pages. */
static void
test_admin_v1 (void)
{
  FerryTestCommunity t;
  g_autoptr(FerryClient) client = NULL;
  g_autoptr(GPtrArray) v1 = NULL;
  g_autoptr(GPtrArray) v2 = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  ferry_test_community_setup (&t, FEDISIM_FLAVOUR_MASTODON, FEDISIM_FLAVOUR_MASTODON, 450, 12,
                              NULL);
  client = helper_client (&t, MANAGE_USERS, "read admin:read:accounts");
  fedisim_server_reset_counts (t.old_server);
  v1 = admin_list (client, FERRY_ADMIN_MASTODON_V1);
  v2 = admin_list (client, FERRY_ADMIN_MASTODON_V2);
  g_assert_cmpuint (v1->len, ==, v2->len);
  g_assert_cmpuint (v1->len, ==, 450 + 1 - count_truth (&t, FEDISIM_MEMBER_SUSPENDED) -
                                 count_truth (&t, FEDISIM_MEMBER_DELETED));
  for (guint i = 0; i < v1->len; i++)
    g_assert_true (g_hash_table_add (seen, ((FerryCommunityAccount *) v1->pdata[i])->address));
  for (guint i = 0; i < v2->len; i++)
    g_assert_true (g_hash_table_contains (seen,
                                          ((FerryCommunityAccount *) v2->pdata[i])->address));
  /* 200 a page, never a page twice (at most an empty one at the end, where the Link says). */
  for (guint i = 0; i < 2; i++)
    {
      guint pages = fedisim_server_request_count (t.old_server, i ? "GET /api/v2/admin/accounts"
                                                                  : "GET /api/v1/admin/accounts");

      g_assert_cmpuint (pages, >=, (v1->len + 199) / 200);
      g_assert_cmpuint (pages, <=, (v1->len + 199) / 200 + 1);
    }
  g_assert_cmpuint (ferry_test_community_n_429 (&t), ==, 0);

  g_clear_object (&client);
  ferry_test_community_teardown (&t);
}

int
main (int   argc,
      char *argv[])
{
  static const RosterCase cases[] = {
    { FEDISIM_FLAVOUR_MASTODON, FERRY_MEMBER_SOURCE_ADMIN },
    { FEDISIM_FLAVOUR_MASTODON, FERRY_MEMBER_SOURCE_DIRECTORY },
    { FEDISIM_FLAVOUR_MASTODON, FERRY_MEMBER_SOURCE_FOLLOWERS },
    { FEDISIM_FLAVOUR_MASTODON, FERRY_MEMBER_SOURCE_LIST },
    { FEDISIM_FLAVOUR_GOTOSOCIAL, FERRY_MEMBER_SOURCE_ADMIN },
    { FEDISIM_FLAVOUR_GOTOSOCIAL, FERRY_MEMBER_SOURCE_FOLLOWERS },
    { FEDISIM_FLAVOUR_GOTOSOCIAL, FERRY_MEMBER_SOURCE_LIST },
    { FEDISIM_FLAVOUR_AKKOMA, FERRY_MEMBER_SOURCE_ADMIN },
    { FEDISIM_FLAVOUR_AKKOMA, FERRY_MEMBER_SOURCE_DIRECTORY },
    { FEDISIM_FLAVOUR_AKKOMA, FERRY_MEMBER_SOURCE_FOLLOWERS },
    { FEDISIM_FLAVOUR_AKKOMA, FERRY_MEMBER_SOURCE_LIST },
  };
  static const RefusedCase refused[] = {
    { FEDISIM_FLAVOUR_MASTODON, 0x10 /* manage_reports only */,
      "read admin:read:accounts", "Manage Users" },
    { FEDISIM_FLAVOUR_MASTODON, MANAGE_USERS, "read", "admin:read:accounts" },
    { FEDISIM_FLAVOUR_GOTOSOCIAL, 0, "read admin:read:accounts", "admin account" },
    { FEDISIM_FLAVOUR_GOTOSOCIAL, ADMINISTRATOR, "read", "admin:read:accounts" },
    { FEDISIM_FLAVOUR_AKKOMA, 0, "read admin:read:accounts", "admin account" },
  };
  const char *flavours[] = { "mastodon", "gotosocial", "akkoma" };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *sources = ferry_member_sources_to_ids (cases[i].source);
      g_autofree char *path = g_strdup_printf ("/community/roster/%s/%s",
                                               flavours[cases[i].flavour], sources);

      g_test_add_data_func (path, &cases[i], test_source);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *path = g_strdup_printf ("/community/roster/%s/admin-refused-%u",
                                               flavours[refused[i].flavour], i);

      g_test_add_data_func (path, &refused[i], test_admin_refused);
    }
  g_test_add_func ("/community/roster/gotosocial/no-directory", test_no_directory);
  g_test_add_func ("/community/roster/parse", test_parse);
  g_test_add_func ("/community/roster/mastodon/admin-v1", test_admin_v1);
  g_test_add_func ("/community/roster/mastodon/directory-pages", test_directory_pages);
  g_test_add_func ("/community/roster/token-stays-home", test_token_stays_home);
  g_test_add_func ("/community/roster/admin-sign-in", test_admin_sign_in);
  g_test_add_func ("/community/roster/admin-scope-only-when-asked", test_admin_scope);
  return g_test_run ();
}
