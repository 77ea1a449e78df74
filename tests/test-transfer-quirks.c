/* test-transfer-quirks.c: FerryTransfer against what particular fedisim servers do
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GoToSocial's import worked off in the background, and its CSV page; follows a server
 * accepts later, or not before the transfer stops; a picture the new server refuses; a mute
 * whose end the server lost; snac's accounts that moved; a list member whose follow still
 * waits. The transfer itself: test-transfer.c.
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
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

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
