/* test-transfer.c: FerryTransfer against fedisim
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A backup of the old account (fedisim's fixtures), re-created on a new account of another
 * server: every item there afterwards, or missing with a reason; follows with their options
 * as fedisim itself holds them; GoToSocial through its import; Mastodon's 400 follows a day
 * spread over virtual days with no 429; Mastodon's CSV import driven by the scripted
 * browser, then finished through the API; a transfer stopped at many points and resumed
 * sends nothing twice; verify finds what was removed behind its back, and a run puts it back.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "fedisim.h"
#include "ferry-test-util.h"
#include "ferry-backup.h"
#include "ferry-backup-category.h"
#include "ferry-tls-database.h"
#include "ferry-transfer.h"

typedef struct
{
  FedisimWorld  *world;
  FedisimServer *old_server;
  FedisimServer *new_server;
  GTlsDatabase  *trust;
  FerryClient   *new_client;
  char          *tmpdir;
  char          *backup;
} Fixture;

/* The kind and title of the @i-th import file; the model keeps them alive. */
static const char *
import_kind (GListModel *files,
             guint       i)
{
  g_autoptr(FerryImportFile) file = g_list_model_get_item (files, i);

  return ferry_import_file_get_kind (file);
}

static const char *
import_title (GListModel *files,
              guint       i)
{
  g_autoptr(FerryImportFile) file = g_list_model_get_item (files, i);

  return ferry_import_file_get_title (file);
}

static void
on_waiting (FerryClient *client,
            gint64       seconds,
            Fixture     *f)
{
  gint64 wake = ferry_rate_limiter_get_server_now (ferry_client_get_rate_limiter (client)) + seconds;

  if (wake > fedisim_world_now (f->world))
    fedisim_world_set_time (f->world, wake);
}

static FerryClient *
new_client (Fixture       *f,
            FedisimServer *server,
            const char    *user)
{
  g_autofree char *token = fedisim_server_issue_token (server, user, "read write follow");
  FerryClient *client = ferry_client_new (fedisim_server_get_base_url (server), f->trust);

  ferry_client_set_token (client, token);
  ferry_client_set_time_scale (client, 100000.0);
  g_signal_connect (client, "waiting", G_CALLBACK (on_waiting), f);
  return client;
}

/* Two servers; alice on the old one with @fixture, backed up (without posts); bob on the new. */
static void
setup (Fixture        *f,
       FedisimFlavour  old_flavour,
       const char     *old_version,
       const char     *fixture,
       FedisimFlavour  new_flavour,
       const char     *new_version)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryClient) old_client = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(FerryBackup) backup = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  f->world = fedisim_world_new (&error);
  g_assert_no_error (error);
  f->old_server = fedisim_world_add_server (f->world, old_flavour, old_version, &error);
  g_assert_no_error (error);
  f->new_server = fedisim_world_add_server (f->world, new_flavour, new_version, &error);
  g_assert_no_error (error);
  fedisim_server_add_user (f->old_server, "alice", "pw");
  fedisim_server_add_user (f->new_server, "bob", "pw");
  fedisim_server_seed_fixture (f->old_server, "alice", fixture);
  f->trust = ferry_tls_database_new (fedisim_world_get_ca_file (f->world), &error);
  g_assert_no_error (error);
  f->tmpdir = g_dir_make_tmp ("ferry-transfer-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->backup = g_build_filename (f->tmpdir, "backup", NULL);

  old_client = new_client (f, f->old_server, "alice");
  dir = g_file_new_for_path (f->backup);
  backup = ferry_backup_new (old_client, dir, FERRY_BACKUP_NO_POSTS);
  ferry_job_run_async (FERRY_JOB (backup), NULL, ferry_test_got_result, &result);
  g_assert_true (ferry_job_run_finish (FERRY_JOB (backup), ferry_test_wait_for (&result), &error));
  g_assert_no_error (error);
  f->new_client = new_client (f, f->new_server, "bob");
  fedisim_server_reset_counts (f->new_server);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_clear_object (&f->new_client);
  g_clear_object (&f->trust);
  g_clear_pointer (&f->world, fedisim_world_free);
  if (f->tmpdir != NULL)
    ferry_test_remove_tree (f->tmpdir);
  g_free (f->tmpdir);
  g_free (f->backup);
}

static FerryTransfer *
new_transfer (Fixture             *f,
              FerryTransferMethod  method)
{
  g_autoptr(GFile) dir = g_file_new_for_path (f->backup);
  FerryTransfer *transfer = ferry_transfer_new (f->new_client, dir);

  ferry_transfer_set_method (transfer, method);
  return transfer;
}

/* Runs a transfer to its end (or until the new server has answered @stop_after more
 * requests, then cancels: a stop at any point, answers in flight included). */
static gboolean
run (Fixture             *f,
     FerryTransfer       *transfer,
     guint                stop_after,
     GError             **error)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  guint start = fedisim_server_answer_count (f->new_server);

  ferry_job_run_async (FERRY_JOB (transfer), cancellable, ferry_test_got_result, &result);
  while (result == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      if (stop_after > 0 && !g_cancellable_is_cancelled (cancellable) &&
          fedisim_server_answer_count (f->new_server) >= start + stop_after)
        g_cancellable_cancel (cancellable);
    }
  return ferry_job_run_finish (FERRY_JOB (transfer), result, error);
}

static JsonObject *
verify (Fixture       *f,
        FerryTransfer *transfer)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  ferry_transfer_verify_async (transfer, NULL, ferry_test_got_result, &result);
  g_assert_true (ferry_transfer_verify_finish (transfer, ferry_test_wait_for (&result), &error));
  g_assert_no_error (error);
  json = ferry_transfer_get_report_json (transfer);
  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* Every category: what is there and what is missing add up; nothing is missing without a
 * reason the person can act on. Returns how many are missing. */
static guint
assert_explained (JsonObject *report)
{
  static const char *reasons[] = { "unreachable", "gone", "suspended", "unsupported", "locked", "refused",
                                   "expired", "moved", "limit", "pending", "waiting", "expiry", NULL };
  JsonArray *categories = json_object_get_array_member (report, "categories");
  guint missing_all = 0;

  g_assert_cmpuint (json_array_get_length (categories), >, 0);
  for (guint i = 0; i < json_array_get_length (categories); i++)
    {
      JsonObject *entry = json_array_get_object_element (categories, i);
      JsonArray *missing = json_object_get_array_member (entry, "missing");

      g_assert_cmpint (json_object_get_int_member (entry, "present") + json_array_get_length (missing), ==,
                       json_object_get_int_member (entry, "expected"));
      for (guint j = 0; j < json_array_get_length (missing); j++)
        {
          JsonObject *row = json_array_get_object_element (missing, j);
          const char *code = json_object_get_string_member (row, "code");

          if (!g_strv_contains (reasons, code))
            g_error ("%s: %s is missing without a reason (%s: %s)", json_object_get_string_member (entry, "id"),
                     json_object_get_string_member (row, "item"), code,
                     json_object_get_string_member (row, "reason"));
        }
      missing_all += json_array_get_length (missing);
    }
  return missing_all;
}

static gint64
expected_of (JsonObject *report,
             const char *id)
{
  JsonArray *categories = json_object_get_array_member (report, "categories");

  for (guint i = 0; i < json_array_get_length (categories); i++)
    {
      JsonObject *entry = json_array_get_object_element (categories, i);

      if (g_str_equal (json_object_get_string_member (entry, "id"), id))
        return json_object_get_int_member (entry, "present");
    }
  return -1;
}

/* fedisim's own view of bob's follows: each with the options from the backup's CSV. */
static void
assert_follow_options (Fixture *f)
{
  g_autoptr(JsonNode) dump = fedisim_server_dump_account (f->new_server, "bob");
  JsonArray *following = json_object_get_array_member (json_node_get_object (dump), "following");
  g_autofree char *path = g_build_filename (f->backup, "following_accounts.csv", NULL);
  g_autofree char *csv = NULL;
  guint checked = 0;

  g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
  for (guint i = 0; i < json_array_get_length (following); i++)
    {
      JsonObject *follow = json_array_get_object_element (following, i);
      g_autofree char *row = g_strdup_printf ("\n%s,%s,%s,", json_object_get_string_member (follow, "acct"),
                                              json_object_get_boolean_member (follow, "reblogs") ? "true" : "false",
                                              json_object_get_boolean_member (follow, "notify") ? "true" : "false");

      if (strstr (csv, row) != NULL)
        checked++;
    }
  /* Moved accounts are followed at their new address, which the backup does not name. */
  g_assert_cmpuint (checked, >=, json_array_get_length (following) * 9 / 10);
  g_assert_cmpuint (checked, >, 0);
}

static void
test_pair (Fixture       *f,
           gconstpointer  data)
{
  const FedisimFlavour *pair = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryTransfer) transfer = NULL;
  g_autoptr(JsonObject) report = NULL;
  const char *versions[] = { "4.5.0", "0.19.1", "3.13.0", "4.2.0" };

  setup (f, pair[0], versions[pair[0]], "small", pair[1], versions[pair[1]]);
  transfer = new_transfer (f, FERRY_TRANSFER_METHOD_AUTO);
  g_assert_true (run (f, transfer, 0, &error));
  g_assert_no_error (error);
  report = verify (f, transfer);
  g_test_message ("missing with reasons: %u", assert_explained (report));
  g_assert_cmpint (expected_of (report, "following"), >=, 10);
  g_assert_cmpint (fedisim_server_status_count (f->new_server, 429), ==, 0);
  assert_follow_options (f);
  if (pair[1] == FEDISIM_FLAVOUR_GOTOSOCIAL)
    {
      g_assert_cmpuint (fedisim_server_request_count (f->new_server, "POST /api/v1/import"), ==, 3);
      /* Only what the import could not do: a followed account that moved, followed at its
       * new address through the API. */
      g_assert_cmpuint (fedisim_server_request_count (f->new_server, "POST /api/v1/accounts/:id/follow"), <=, 2);
    }
}

/* 1,000 follows on Mastodon: 400 a day, over three (virtual) days, no 429. */
static void
test_days (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryTransfer) transfer = NULL;
  g_autoptr(JsonObject) report = NULL;
  const char *only[] = { "following", NULL };
  gint64 start_day;

  setup (f, FEDISIM_FLAVOUR_MASTODON, "4.5.0", "medium", FEDISIM_FLAVOUR_MASTODON, "4.5.0");
  start_day = fedisim_world_now (f->world) / 86400;
  transfer = new_transfer (f, FERRY_TRANSFER_METHOD_API);
  ferry_transfer_set_only (transfer, only);
  g_assert_true (run (f, transfer, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ferry_transfer_get_follows_per_day (transfer), ==, 400);
  g_assert_cmpint (ferry_transfer_get_next_batch (transfer), ==, 0);
  g_assert_cmpint (fedisim_world_now (f->world) / 86400 - start_day, ==, 2);
  g_assert_cmpint (fedisim_server_status_count (f->new_server, 429), ==, 0);
  g_assert_cmpuint (fedisim_server_request_count (f->new_server, "POST /api/v1/accounts/:id/follow"), <=, 1000);
  report = verify (f, transfer);
  assert_explained (report);
  g_assert_cmpint (expected_of (report, "following"), >=, 980);
}

/* The app's CLI stops for the day instead: the next run goes on, on the next day. */
static void
test_days_stop (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *only[] = { "following", NULL };
  guint follows = 0;

  setup (f, FEDISIM_FLAVOUR_MASTODON, "4.5.0", "medium", FEDISIM_FLAVOUR_MASTODON, "4.5.0");
  for (guint day = 0; day < 3; day++)
    {
      g_autoptr(FerryTransfer) transfer = new_transfer (f, FERRY_TRANSFER_METHOD_API);
      guint sent;

      ferry_transfer_set_only (transfer, only);
      ferry_transfer_set_wait_for_days (transfer, FALSE);
      g_assert_true (run (f, transfer, 0, &error));
      g_assert_no_error (error);
      sent = fedisim_server_request_count (f->new_server, "POST /api/v1/accounts/:id/follow") - follows;
      follows += sent;
      g_assert_cmpuint (sent, <=, 400);
      if (day < 2)
        {
          g_assert_cmpuint (sent, ==, 400);
          g_assert_cmpint (ferry_transfer_get_next_batch (transfer), >, fedisim_world_now (f->world));
          fedisim_world_set_time (f->world, ferry_transfer_get_next_batch (transfer));
        }
      else
        g_assert_cmpint (ferry_transfer_get_next_batch (transfer), ==, 0);
    }
  g_assert_cmpint (fedisim_server_status_count (f->new_server, 429), ==, 0);
}

/* Stopped at fifty points or more, each time at a random number of answers (some in
 * flight), and resumed by a new job: nothing sent twice, nothing left out. */
static void
test_resume (Fixture       *f,
             gconstpointer  data)
{
  /* Every route the chosen categories change something with. */
  static const char *routes[] = {
    "POST /api/v1/accounts/:id/mute", "POST /api/v1/accounts/:id/note", "POST /api/v1/domain_blocks",
    "POST /api/v1/tags/:name/follow", "POST /api/v1/featured_tags", "POST /api/v2/filters",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) report = NULL;
  g_autoptr(FerryTransfer) last = NULL;
  guint one_go[G_N_ELEMENTS (routes)];
  guint stops = 0;
  const char *only[] = { "mutes", "notes", "domain_blocks", "followed_tags", "featured_tags", "filters", NULL };

  /* One go, to count each route's requests. */
  setup (f, FEDISIM_FLAVOUR_MASTODON, "4.5.0", "medium", FEDISIM_FLAVOUR_AKKOMA, "3.13.0");
  {
    g_autoptr(FerryTransfer) transfer = new_transfer (f, FERRY_TRANSFER_METHOD_API);

    ferry_transfer_set_only (transfer, only);
    g_assert_true (run (f, transfer, 0, &error));
  }
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      one_go[i] = fedisim_server_request_count (f->new_server, routes[i]);
      g_assert_cmpuint (one_go[i], >, 0);
    }
  teardown (f, NULL);
  memset (f, 0, sizeof *f);

  setup (f, FEDISIM_FLAVOUR_MASTODON, "4.5.0", "medium", FEDISIM_FLAVOUR_AKKOMA, "3.13.0");
  for (guint round = 0; round < 1000; round++)
    {
      FerryTransfer *transfer = new_transfer (f, FERRY_TRANSFER_METHOD_API);
      /* Getting ready takes a few requests (the account, the server): then a few items. */
      gboolean ok;

      ferry_transfer_set_only (transfer, only);
      ok = run (f, transfer, round == 0 ? 30 : (guint) g_test_rand_int_range (12, 60), &error);

      if (ok)
        {
          last = transfer;
          break;
        }
      g_assert_finalize_object (transfer);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      stops++;
    }
  g_test_message ("stopped %u times", stops);
  g_assert_nonnull (last);
  g_assert_cmpuint (stops, >=, 50);
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      g_test_message ("%s: %u (one go: %u)", routes[i], fedisim_server_request_count (f->new_server, routes[i]),
                      one_go[i]);
      g_assert_cmpuint (fedisim_server_request_count (f->new_server, routes[i]), ==, one_go[i]);
    }
  report = verify (f, last);
  assert_explained (report);
}

/* Mastodon's own import, as the person does it in the browser, then the rest by API. */
static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryTransfer) transfer = NULL;
  g_autoptr(FerryTransfer) finish = NULL;
  g_autoptr(JsonObject) report = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FedisimBrowser) browser = NULL;
  g_autoptr(GListModel) files = NULL;
  g_autofree char *import_url = NULL;

  setup (f, FEDISIM_FLAVOUR_MASTODON, "4.5.0", "large", FEDISIM_FLAVOUR_MASTODON, "4.5.0");
  transfer = new_transfer (f, FERRY_TRANSFER_METHOD_CSV);
  ferry_transfer_write_imports_async (transfer, NULL, ferry_test_got_result, &result);
  files = ferry_transfer_write_imports_finish (transfer, ferry_test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (files), ==, 6);
  g_assert_cmpstr (import_kind (files, 0), ==, "following");
  import_url = g_strconcat (fedisim_server_get_base_url (f->new_server), "/settings/imports", NULL);
  g_assert_cmpstr (ferry_transfer_get_import_url (transfer), ==, import_url);

  browser = fedisim_browser_new (f->world);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(FerryImportFile) file = g_list_model_get_item (files, i);
      g_autofree char *contents = NULL;
      gsize length;
      g_autoptr(GBytes) csv = NULL;
      g_autofree char *answer = NULL;

      g_assert_true (g_file_get_contents (ferry_import_file_get_path (file), &contents, &length,
                                          NULL));
      csv = g_bytes_new_take (g_steal_pointer (&contents), length);
      answer = fedisim_browser_upload_import (browser, fedisim_server_get_base_url (f->new_server), "bob", "pw",
                                              ferry_import_file_get_kind (file), "merge", csv, &error);
      g_assert_no_error (error);
    }
  fedisim_world_run_until_idle (f->world);

  finish = new_transfer (f, FERRY_TRANSFER_METHOD_CSV);
  g_assert_true (run (f, finish, 0, &error));
  g_assert_no_error (error);
  /* The import did the follows: none through the API, so no daily limit. */
  g_assert_cmpuint (fedisim_server_request_count (f->new_server, "POST /api/v1/accounts/:id/follow"), <, 200);
  g_assert_cmpint (fedisim_server_status_count (f->new_server, 429), ==, 0);
  report = verify (f, finish);
  assert_explained (report);
  /* Locked accounts leave requests, which no list shows (api-facts §3.5): explained above. */
  g_assert_cmpint (expected_of (report, "following"), >=, 9700);
  g_assert_cmpint (expected_of (report, "blocks"), >=, 990);
}

/* Removed behind Ferry's back: verify says so, and a run puts back only that. */
static void
test_verify_drop (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryTransfer) transfer = NULL;
  g_autoptr(FerryTransfer) again = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) fixed = NULL;
  g_autoptr(JsonNode) dump = NULL;
  g_autofree char *token = NULL;
  guint missing_before;
  JsonArray *following;
  guint follows;

  setup (f, FEDISIM_FLAVOUR_MASTODON, "4.5.0", "small", FEDISIM_FLAVOUR_MASTODON, "4.5.0");
  transfer = new_transfer (f, FERRY_TRANSFER_METHOD_API);
  g_assert_true (run (f, transfer, 0, &error));
  before = verify (f, transfer);
  missing_before = assert_explained (before);

  /* Two follows dropped on the server. */
  dump = fedisim_server_dump_account (f->new_server, "bob");
  following = json_object_get_array_member (json_node_get_object (dump), "following");
  g_assert_cmpuint (json_array_get_length (following), >=, 2);
  {
    g_autoptr(FerryClient) client = new_client (f, f->new_server, "bob");

    for (guint i = 0; i < 2; i++)
      {
        const char *acct = json_object_get_string_member (json_array_get_object_element (following, i), "acct");
        g_autoptr(FerryParams) params = ferry_params_new ();
        g_autoptr(GAsyncResult) result = NULL;
        g_autoptr(JsonNode) found = NULL;
        g_autoptr(JsonNode) done = NULL;
        g_autofree char *path = NULL;
        JsonArray *accounts;

        ferry_params_add (params, "q", acct);
        ferry_params_add (params, "type", "accounts");
        ferry_client_call_async (client, "GET", "/api/v2/search", params, NULL, ferry_test_got_result, &result);
        found = ferry_client_call_finish (client, ferry_test_wait_for (&result), NULL, &error);
        g_assert_no_error (error);
        accounts = json_object_get_array_member (json_node_get_object (found), "accounts");
        path = g_strdup_printf ("/api/v1/accounts/%s/unfollow",
                                json_object_get_string_member (json_array_get_object_element (accounts, 0), "id"));
        g_clear_object (&result);
        ferry_client_call_async (client, "POST", path, NULL, NULL, ferry_test_got_result, &result);
        done = ferry_client_call_finish (client, ferry_test_wait_for (&result), NULL, &error);
        g_assert_no_error (error);
      }
  }

  after = verify (f, transfer);
  /* The two follows, and what hung on them (list memberships, featuring) if anything. */
  g_assert_cmpint (json_object_get_int_member (after, "missing"), >=, missing_before + 2);
  g_assert_cmpint (json_object_get_int_member (after, "retryable"), >=, 2);

  follows = fedisim_server_request_count (f->new_server, "POST /api/v1/accounts/:id/follow");
  again = new_transfer (f, FERRY_TRANSFER_METHOD_API);
  g_assert_true (run (f, again, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fedisim_server_request_count (f->new_server, "POST /api/v1/accounts/:id/follow"), ==, follows + 2);
  fixed = verify (f, again);
  g_assert_cmpint (json_object_get_int_member (fixed, "missing"), ==, missing_before);
}


/* The codes of what verify reports missing in @category. */
static GStrv
missing_codes (JsonObject *report,
               const char *id)
{
  JsonArray *categories = json_object_get_array_member (report, "categories");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < json_array_get_length (categories); i++)
    {
      JsonObject *entry = json_array_get_object_element (categories, i);
      JsonArray *missing = json_object_get_array_member (entry, "missing");

      if (!g_str_equal (json_object_get_string_member (entry, "id"), id))
        continue;
      for (guint j = 0; j < json_array_get_length (missing); j++)
        {
          JsonObject *row = json_array_get_object_element (missing, j);

          g_test_message ("%s missing: %s (%s: %s)", id, json_object_get_string_member (row, "item"),
                          json_object_get_string_member (row, "code"),
                          json_object_get_string_member (row, "reason"));
          g_strv_builder_add (builder, json_object_get_string_member (row, "code"));
        }
    }
  return g_strv_builder_end (builder);
}

static gint64
category_expected (JsonObject *report,
                   const char *id)
{
  JsonArray *categories = json_object_get_array_member (report, "categories");

  for (guint i = 0; i < json_array_get_length (categories); i++)
    {
      JsonObject *entry = json_array_get_object_element (categories, i);

      if (g_str_equal (json_object_get_string_member (entry, "id"), id))
        return json_object_get_int_member (entry, "expected");
    }
  return -1;
}

/* GoToSocial's import answers 202 and works its rows off in the background, slowly
 * (fedisim's virtual clock: 30 s for an account the server has not seen). The transfer
 * waits for it, bounded, before what depends on it: list members are not refused as "gone",
 * follows the import made are not made again (nor called "locked": no account of the
 * fixture is), the expiring mute keeps its expiry (the import's mute, without one, came
 * first), and right after the run everything is there (#16, #22). */
static void
count_waits (FerryJob   *job,
             GParamSpec *pspec,
             guint      *waits)
{
  if (ferry_job_get_state (job) != FERRY_JOB_STATE_WAITING)
    return;
  g_assert_cmpint (ferry_job_get_waiting_until (job), >, 0);
  g_assert_nonnull (ferry_job_get_waiting_reason (job));
  (*waits)++;
}

/* Turns the main loop for @ms of real time. */
static void
spin_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

/* Paused, the transfer sends nothing once what was in flight is back; resumed, it ends as a
 * whole run does. Cancelled while paused, it ends at once, cancelled. */
static void
test_pause (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryTransfer) transfer = NULL;
  g_autoptr(FerryTransfer) again = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonObject) report = NULL;
  guint start, held;

  setup (f, FEDISIM_FLAVOUR_MASTODON, "4.5.0", "small", FEDISIM_FLAVOUR_MASTODON, "4.5.0");
  transfer = new_transfer (f, FERRY_TRANSFER_METHOD_API);
  start = fedisim_server_answer_count (f->new_server);
  ferry_job_run_async (FERRY_JOB (transfer), NULL, ferry_test_got_result, &result);
  while (result == NULL && fedisim_server_answer_count (f->new_server) < start + 20)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (result);
  ferry_job_pause (FERRY_JOB (transfer));
  g_assert_true (ferry_job_is_paused (FERRY_JOB (transfer)));
  spin_for (1500);   /* what was in flight comes back */
  held = fedisim_server_answer_count (f->new_server);
  spin_for (1500);
  g_assert_null (result);
  g_assert_cmpuint (fedisim_server_answer_count (f->new_server), ==, held);
  ferry_job_resume (FERRY_JOB (transfer));
  ferry_test_wait_for (&result);
  g_assert_true (ferry_job_run_finish (FERRY_JOB (transfer), result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ferry_job_get_state (FERRY_JOB (transfer)), ==, FERRY_JOB_STATE_FINISHED);
  g_assert_cmpfloat (ferry_job_get_fraction (FERRY_JOB (transfer)), ==, 1.0);
  report = verify (f, transfer);
  assert_explained (report);
  g_assert_cmpint (fedisim_server_status_count (f->new_server, 429), ==, 0);

  /* Cancelled while paused: no resume needed to end. */
  g_clear_object (&result);
  again = new_transfer (f, FERRY_TRANSFER_METHOD_API);
  ferry_job_run_async (FERRY_JOB (again), NULL, ferry_test_got_result, &result);
  ferry_job_pause (FERRY_JOB (again));
  ferry_job_cancel (FERRY_JOB (again));
  ferry_test_wait_for (&result);
  g_assert_false (ferry_job_run_finish (FERRY_JOB (again), result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (ferry_job_get_state (FERRY_JOB (again)), ==, FERRY_JOB_STATE_CANCELLED);
}

static void
test_gts_import_race (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryTransfer) transfer = NULL;
  g_autoptr(JsonObject) report = NULL;
  g_autoptr(JsonNode) dump = NULL;
  g_auto(GStrv) lists = NULL;
  g_auto(GStrv) following = NULL;
  JsonArray *mutes;
  gint64 start;
  guint expiring = 0;
  guint waits = 0;

  setup (f, FEDISIM_FLAVOUR_MASTODON, "4.5.0", "small", FEDISIM_FLAVOUR_GOTOSOCIAL, "0.19.1");
  start = fedisim_world_now (f->world);
  transfer = new_transfer (f, FERRY_TRANSFER_METHOD_AUTO);
  g_signal_connect (transfer, "notify::state", G_CALLBACK (count_waits), &waits);
  g_assert_true (run (f, transfer, 0, &error));
  g_assert_no_error (error);
  /* While the import is worked off, the job waits, and says why. */
  g_assert_cmpuint (waits, >, 0);
  g_assert_cmpint (ferry_job_get_state (FERRY_JOB (transfer)), ==, FERRY_JOB_STATE_FINISHED);
  /* No wait without end: the import's work took minutes of virtual time, not more. */
  g_test_message ("virtual seconds: %" G_GINT64_FORMAT, fedisim_world_now (f->world) - start);
  g_assert_cmpint (fedisim_world_now (f->world) - start, >, 30);
  g_assert_cmpint (fedisim_world_now (f->world) - start, <, 3600);
  g_assert_null (ferry_job_get_status (FERRY_JOB (transfer)));
  /* The run kept its report, taken after the import settled, for the move's checks (#22). */
  {
    g_autofree char *dir = g_build_filename (f->backup, ".ferry-transfer", NULL);
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    g_autoptr(JsonParser) parser = json_parser_new ();
    const char *name;
    gboolean found = FALSE;

    g_assert_nonnull (listing);
    while ((name = g_dir_read_name (listing)) != NULL)
      if (g_str_has_suffix (name, ".report.json"))
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);

          g_assert_true (json_parser_load_from_file (parser, path, NULL));
          g_assert_cmpint (json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)),
                                                       "retryable"), ==, 0);
          found = TRUE;
        }
    g_assert_true (found);
  }

  /* Nothing sent twice: one import each, API follows only for what the import cannot do
   * (a moved account), each list member once (below). */
  g_assert_cmpuint (fedisim_server_request_count (f->new_server, "POST /api/v1/import"), ==, 3);
  g_assert_cmpuint (fedisim_server_request_count (f->new_server, "POST /api/v1/accounts/:id/follow"), <=, 2);

  report = verify (f, transfer);
  assert_explained (report);
  lists = missing_codes (report, "lists");
  g_assert_cmpuint (g_strv_length (lists), ==, 0);
  g_assert_cmpint (expected_of (report, "lists"), ==, category_expected (report, "lists"));
  following = missing_codes (report, "following");
  g_assert_false (g_strv_contains ((const char * const *) following, "locked"));
  g_assert_false (g_strv_contains ((const char * const *) following, "missing"));
  g_assert_cmpuint (fedisim_server_request_count (f->new_server, "POST /api/v1/lists/:id/accounts"), ==,
                    (guint) expected_of (report, "lists") - 3);

  /* The expiring mute (the fixture's third) kept its expiry. */
  dump = fedisim_server_dump_account (f->new_server, "bob");
  mutes = json_object_get_array_member (json_node_get_object (dump), "mutes");
  g_assert_cmpuint (json_array_get_length (mutes), ==, 3);
  for (guint i = 0; i < json_array_get_length (mutes); i++)
    expiring += json_object_get_int_member (json_array_get_object_element (mutes, i), "expires_at") > 0;
  g_assert_cmpuint (expiring, ==, 1);
  g_assert_cmpuint (fedisim_server_request_count (f->new_server, "POST /api/v1/accounts/:id/mute"), ==, 1);
}

/* Follows through the API to a server that accepts a moment later (snac, 3 s): "pending",
 * not "locked", and the run waits for the Accepts, so that right after it verify finds them
 * all (#16, #18, #22). */
static void
test_accept_later (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryTransfer) transfer = NULL;
  g_autoptr(JsonObject) report = NULL;
  g_auto(GStrv) following = NULL;
  const char *only[] = { "following", "lists", NULL };

  setup (f, FEDISIM_FLAVOUR_MASTODON, "4.5.0", "small", FEDISIM_FLAVOUR_MASTODON, "4.5.0");
  transfer = new_transfer (f, FERRY_TRANSFER_METHOD_API);
  ferry_transfer_set_only (transfer, only);
  g_assert_true (run (f, transfer, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ferry_transfer_get_n_awaiting_accept (transfer), ==, 0);
  report = verify (f, transfer);
  assert_explained (report);
  following = missing_codes (report, "following");
  g_assert_false (g_strv_contains ((const char * const *) following, "locked"));
  g_assert_false (g_strv_contains ((const char * const *) following, "missing"));
  g_assert_false (g_strv_contains ((const char * const *) following, "pending"));
  /* Each follow sent once. */
  g_assert_cmpuint (fedisim_server_request_count (f->new_server, "POST /api/v1/accounts/:id/follow"), <=, 12);
}

/* A picture the new server refuses (GoToSocial: 422, over its 8 MB) costs that picture only:
 * the text goes in its own request, each picture in another, and the refusal is said (#17). */
static void
test_picture_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryTransfer) transfer = NULL;
  g_autoptr(JsonNode) old_dump = NULL;
  g_autoptr(JsonNode) dump = NULL;
  g_autofree char *path = NULL;
  g_autofree char *big = NULL;
  g_auto(GStrv) warnings = NULL;
  JsonObject *account;
  const char *only[] = { "profile", NULL };
  gsize size = 9 * 1024 * 1024;
  gboolean said = FALSE;

  setup (f, FEDISIM_FLAVOUR_MASTODON, "4.5.0", "small", FEDISIM_FLAVOUR_GOTOSOCIAL, "0.19.1");
  path = g_build_filename (f->backup, "header.img", NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  big = g_malloc0 (size);
  memcpy (big, "\x89PNG\r\n\x1a\n", 8);
  g_assert_true (g_file_set_contents (path, big, (gssize) size, NULL));

  transfer = new_transfer (f, FERRY_TRANSFER_METHOD_AUTO);
  ferry_transfer_set_only (transfer, only);
  g_assert_true (run (f, transfer, 0, &error));
  g_assert_no_error (error);

  old_dump = fedisim_server_dump_account (f->old_server, "alice");
  dump = fedisim_server_dump_account (f->new_server, "bob");
  account = json_object_get_object_member (json_node_get_object (dump), "account");
  g_assert_cmpstr (json_object_get_string_member (account, "display_name"), ==,
                   json_object_get_string_member (json_object_get_object_member (json_node_get_object (old_dump),
                                                                                 "account"), "display_name"));
  g_assert_null (strstr (json_object_get_string_member (account, "avatar"), "missing"));
  g_assert_nonnull (strstr (json_object_get_string_member (account, "header"), "missing"));
  /* Text, avatar, header: three requests, none twice. */
  g_assert_cmpuint (fedisim_server_request_count (f->new_server, "PATCH /api/v1/accounts/update_credentials"), ==, 3);
  g_assert_cmpuint (fedisim_server_status_count (f->new_server, 422), ==, 1);
  warnings = ferry_transfer_get_warnings (transfer);
  for (guint i = 0; warnings[i]; i++)
    said |= strstr (warnings[i], "header") != NULL;
  g_assert_true (said);
}

/* --method csv on GoToSocial: its own page and words, and files for what it imports only
 * (following, blocks, mutes), never Mastodon's (#21). */
static void
test_csv_gotosocial (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryTransfer) transfer = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) files = NULL;
  g_autofree char *page = NULL;
  g_autofree char *plan = NULL;
  g_autofree char *words = NULL;

  setup (f, FEDISIM_FLAVOUR_MASTODON, "4.5.0", "small", FEDISIM_FLAVOUR_GOTOSOCIAL, "0.19.1");
  transfer = new_transfer (f, FERRY_TRANSFER_METHOD_CSV);
  ferry_transfer_write_imports_async (transfer, NULL, ferry_test_got_result, &result);
  files = ferry_transfer_write_imports_finish (transfer, ferry_test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (files), ==, 3);
  g_assert_cmpstr (import_kind (files, 0), ==, "following");
  g_assert_cmpstr (import_kind (files, 1), ==, "blocking");
  g_assert_cmpstr (import_kind (files, 2), ==, "muting");
  /* Each file says what to choose on GoToSocial's page, in its words. */
  g_assert_cmpstr (import_title (files, 1), ==, "Blocked accounts list");
  page = g_strconcat (fedisim_server_get_base_url (f->new_server), "/settings/user/export-import", NULL);
  g_assert_cmpstr (ferry_transfer_get_import_url (transfer), ==, page);
  plan = ferry_transfer_describe_plan (transfer);
  g_assert_nonnull (strstr (plan, "GoToSocial"));
  g_assert_null (strstr (plan, "Mastodon"));
  g_assert_null (strstr (plan, "lists"));
  words = ferry_transfer_describe_import_page (transfer);
  g_assert_nonnull (strstr (words, page));
  g_assert_null (strstr (words, "Mastodon"));
  g_assert_cmpstr (ferry_transfer_get_import_type_title (transfer, "blocking"), ==, "Blocked accounts list");
  /* Writing files sends nothing. */
  g_assert_cmpuint (fedisim_server_request_count (f->new_server, "POST /api/v1/import"), ==, 0);
}

/* A mute whose end was lost on the server (a mute without a duration came after it, as
 * GoToSocial's import does) is not "there": verify says so, and the next run mutes it again,
 * with its end, once (#18). */
static void
test_mute_expiry (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryTransfer) transfer = NULL;
  g_autoptr(FerryTransfer) again = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) lost = NULL;
  g_autoptr(JsonObject) fixed = NULL;
  g_autoptr(JsonNode) dump = NULL;
  g_auto(GStrv) codes = NULL;
  const char *only[] = { "mutes", NULL };
  const char *expiring = NULL;
  JsonArray *mutes;
  guint sent;

  setup (f, FEDISIM_FLAVOUR_MASTODON, "4.5.0", "small", FEDISIM_FLAVOUR_MASTODON, "4.5.0");
  transfer = new_transfer (f, FERRY_TRANSFER_METHOD_API);
  ferry_transfer_set_only (transfer, only);
  g_assert_true (run (f, transfer, 0, &error));
  before = verify (f, transfer);
  g_assert_cmpint (json_object_get_int_member (before, "missing"), ==, 0);

  /* The expiring mute made again without a duration, behind Ferry's back. */
  dump = fedisim_server_dump_account (f->new_server, "bob");
  mutes = json_object_get_array_member (json_node_get_object (dump), "mutes");
  for (guint i = 0; i < json_array_get_length (mutes); i++)
    if (json_object_get_int_member (json_array_get_object_element (mutes, i), "expires_at") > 0)
      expiring = json_object_get_string_member (json_array_get_object_element (mutes, i), "acct");
  g_assert_nonnull (expiring);
  {
    g_autoptr(FerryParams) params = ferry_params_new ();
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(JsonNode) found = NULL;
    g_autoptr(JsonNode) done = NULL;
    g_autofree char *path = NULL;
    JsonArray *accounts;

    ferry_params_add (params, "q", expiring);
    ferry_params_add (params, "type", "accounts");
    ferry_client_call_async (f->new_client, "GET", "/api/v2/search", params, NULL, ferry_test_got_result, &result);
    found = ferry_client_call_finish (f->new_client, ferry_test_wait_for (&result), NULL, &error);
    g_assert_no_error (error);
    accounts = json_object_get_array_member (json_node_get_object (found), "accounts");
    path = g_strdup_printf ("/api/v1/accounts/%s/mute",
                            json_object_get_string_member (json_array_get_object_element (accounts, 0), "id"));
    g_clear_object (&result);
    ferry_client_call_async (f->new_client, "POST", path, NULL, NULL, ferry_test_got_result, &result);
    done = ferry_client_call_finish (f->new_client, ferry_test_wait_for (&result), NULL, &error);
    g_assert_no_error (error);
  }

  lost = verify (f, transfer);
  assert_explained (lost);
  codes = missing_codes (lost, "mutes");
  g_assert_cmpuint (g_strv_length (codes), ==, 1);
  g_assert_cmpstr (codes[0], ==, "expiry");

  sent = fedisim_server_request_count (f->new_server, "POST /api/v1/accounts/:id/mute");
  again = new_transfer (f, FERRY_TRANSFER_METHOD_API);
  ferry_transfer_set_only (again, only);
  g_assert_true (run (f, again, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fedisim_server_request_count (f->new_server, "POST /api/v1/accounts/:id/mute"), ==, sent + 1);
  fixed = verify (f, again);
  g_assert_cmpint (json_object_get_int_member (fixed, "missing"), ==, 0);
}

static void
cancel_on_status (FerryTransfer *transfer,
                  GParamSpec    *pspec,
                  GCancellable  *cancellable)
{
  if (ferry_job_get_status (FERRY_JOB (transfer)) != NULL)
    g_cancellable_cancel (cancellable);
}

/* Stopped while it waits for the other servers' Accepts, then verified at once: those follows
 * are "waiting for the other server", not "not on the new account", and not to be sent
 * again (#18). */
static void
test_verify_pending (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryTransfer) transfer = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonObject) report = NULL;
  g_auto(GStrv) codes = NULL;
  const char *only[] = { "following", NULL };

  setup (f, FEDISIM_FLAVOUR_MASTODON, "4.5.0", "small", FEDISIM_FLAVOUR_MASTODON, "4.5.0");
  transfer = new_transfer (f, FERRY_TRANSFER_METHOD_API);
  ferry_transfer_set_only (transfer, only);
  g_signal_connect (transfer, "notify::status", G_CALLBACK (cancel_on_status), cancellable);
  /* The virtual clock stands still: the Accepts (3 s) have not come when verify looks. */
  g_signal_handlers_block_by_func (f->new_client, on_waiting, f);
  ferry_job_run_async (FERRY_JOB (transfer), cancellable, ferry_test_got_result, &result);
  g_assert_false (ferry_job_run_finish (FERRY_JOB (transfer), ferry_test_wait_for (&result),
                                        &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_signal_handlers_disconnect_by_data (transfer, cancellable);
  g_assert_cmpuint (ferry_transfer_get_n_awaiting_accept (transfer), >, 0);

  report = verify (f, transfer);
  assert_explained (report);
  codes = missing_codes (report, "following");
  g_assert_true (g_strv_contains ((const char * const *) codes, "pending"));
  g_assert_false (g_strv_contains ((const char * const *) codes, "missing"));
  g_assert_false (g_strv_contains ((const char * const *) codes, "locked"));
  g_assert_cmpint (json_object_get_int_member (report, "retryable"), ==, 0);
}

/* snac's API never says a remote account moved: the account's ActivityPub actor does
 * (movedTo), and the follow goes to the new address, not the old one (#25). */
static void
test_snac_moved (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryTransfer) transfer = NULL;
  g_autoptr(JsonNode) dump = NULL;
  JsonArray *following;
  const char *only[] = { "following", NULL };
  gboolean old_address = FALSE, new_address = FALSE;

  setup (f, FEDISIM_FLAVOUR_MASTODON, "4.5.0", "small", FEDISIM_FLAVOUR_LEGACY, "2.59");
  transfer = new_transfer (f, FERRY_TRANSFER_METHOD_API);
  ferry_transfer_set_only (transfer, only);
  g_assert_true (run (f, transfer, 0, &error));
  g_assert_no_error (error);
  dump = fedisim_server_dump_account (f->new_server, "bob");
  following = json_object_get_array_member (json_node_get_object (dump), "following");
  for (guint i = 0; i < json_array_get_length (following); i++)
    {
      const char *acct = json_object_get_string_member (json_array_get_object_element (following, i), "acct");

      old_address |= g_str_has_prefix (acct, "f00009@");
      new_address |= g_str_has_prefix (acct, "n00009@");
    }
  g_assert_false (old_address);
  g_assert_true (new_address);
  /* Each follow once: the moved one at its new address only. */
  g_assert_cmpuint (fedisim_server_request_count (f->new_server, "POST /api/v1/accounts/:id/follow"), <=, 12);
}

/* Through the API to GoToSocial: a list member whose follow still waits for the other
 * server's Accept is refused with 404 "not currently followed". That is "not yet", not
 * "gone": it goes again once the Accept came, in the same run (#16). */
static void
test_gts_list_not_yet (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryTransfer) transfer = NULL;
  g_autoptr(JsonObject) report = NULL;
  g_auto(GStrv) lists = NULL;
  const char *only[] = { "following", "lists", NULL };
  guint added;

  setup (f, FEDISIM_FLAVOUR_MASTODON, "4.5.0", "small", FEDISIM_FLAVOUR_GOTOSOCIAL, "0.19.1");
  transfer = new_transfer (f, FERRY_TRANSFER_METHOD_API);
  ferry_transfer_set_only (transfer, only);
  g_assert_true (run (f, transfer, 0, &error));
  g_assert_no_error (error);
  report = verify (f, transfer);
  assert_explained (report);
  lists = missing_codes (report, "lists");
  g_assert_cmpuint (g_strv_length (lists), ==, 0);
  /* Some were refused first (their follows went to snac, which accepts 3 s later), and each
   * of those was sent once more: no more. */
  added = fedisim_server_request_count (f->new_server, "POST /api/v1/lists/:id/accounts");
  g_test_message ("list members added: %u for %" G_GINT64_FORMAT, added, expected_of (report, "lists") - 3);
  g_assert_cmpuint (added, >, (guint) expected_of (report, "lists") - 3);
  g_assert_cmpuint (added, <=, 2 * ((guint) expected_of (report, "lists") - 3));
}

int
main (int   argc,
      char *argv[])
{
  static const FedisimFlavour pairs[][2] = {
    { FEDISIM_FLAVOUR_MASTODON, FEDISIM_FLAVOUR_MASTODON },
    { FEDISIM_FLAVOUR_MASTODON, FEDISIM_FLAVOUR_GOTOSOCIAL },
    { FEDISIM_FLAVOUR_GOTOSOCIAL, FEDISIM_FLAVOUR_MASTODON },
    { FEDISIM_FLAVOUR_AKKOMA, FEDISIM_FLAVOUR_MASTODON },
  };

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/transfer/mastodon-to-mastodon", Fixture, pairs[0], NULL, test_pair, teardown);
  g_test_add ("/transfer/mastodon-to-gotosocial", Fixture, pairs[1], NULL, test_pair, teardown);
  g_test_add ("/transfer/gotosocial-to-mastodon", Fixture, pairs[2], NULL, test_pair, teardown);
  g_test_add ("/transfer/akkoma-to-mastodon", Fixture, pairs[3], NULL, test_pair, teardown);
  g_test_add ("/transfer/days", Fixture, NULL, NULL, test_days, teardown);
  g_test_add ("/transfer/days-stop", Fixture, NULL, NULL, test_days_stop, teardown);
  g_test_add ("/transfer/resume", Fixture, NULL, NULL, test_resume, teardown);
  g_test_add ("/transfer/pause", Fixture, NULL, NULL, test_pause, teardown);
  g_test_add ("/transfer/csv-import", Fixture, NULL, NULL, test_csv, teardown);
  g_test_add ("/transfer/verify-drop", Fixture, NULL, NULL, test_verify_drop, teardown);
  g_test_add ("/transfer/gotosocial-import-race", Fixture, NULL, NULL, test_gts_import_race, teardown);
  g_test_add ("/transfer/accept-later", Fixture, NULL, NULL, test_accept_later, teardown);
  g_test_add ("/transfer/picture-refused", Fixture, NULL, NULL, test_picture_refused, teardown);
  g_test_add ("/transfer/csv-gotosocial", Fixture, NULL, NULL, test_csv_gotosocial, teardown);
  g_test_add ("/transfer/mute-expiry", Fixture, NULL, NULL, test_mute_expiry, teardown);
  g_test_add ("/transfer/verify-pending", Fixture, NULL, NULL, test_verify_pending, teardown);
  g_test_add ("/transfer/snac-moved", Fixture, NULL, NULL, test_snac_moved, teardown);
  g_test_add ("/transfer/gotosocial-list-not-yet", Fixture, NULL, NULL, test_gts_list_not_yet, teardown);

  return g_test_run ();
}
