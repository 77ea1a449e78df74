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
 * What particular servers do (GoToSocial's slow import, snac's late Accepts, refusals):
 * test-transfer-quirks.c.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "fedisim.h"
#include "ferry-test-transfer-util.h"
#include "ferry-test-util.h"
#include "ferry-backup.h"
#include "ferry-backup-category.h"
#include "ferry-tls-database.h"
#include "ferry-transfer.h"

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

  return g_test_run ();
}
