/* test-backup.c: FerryBackup against fedisim
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The large fixture backed up whole within Mastodon's limits (on fedisim's virtual clock),
 * every count exact, the CSV files equal to what Mastodon's own export gives; faults survived;
 * a backup stopped at many points and resumed ends identical to one made in one go; backing up
 * again fetches only what is new; a server without an endpoint is noted in the manifest.
 * Issue 12's findings: test-backup-issues.c.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "fedisim.h"
#include "ferry-test-backup-util.h"
#include "ferry-test-util.h"
#include "fedisim-browser.h"
#include "ferry-api-error.h"
#include "ferry-backup.h"
#include "ferry-backup-category.h"
#include "ferry-backup-private.h"
#include "ferry-private-file.h"
#include "ferry-tls-database.h"


/* Mastodon's own export of the same thing, downloaded as a person would. */
static char *
export (Fixture    *f,
        const char *kind)
{
  g_autoptr(FedisimBrowser) browser = fedisim_browser_new (f->world);
  g_autofree char *url = g_strdup_printf ("%s/settings/exports/%s.csv", fedisim_server_get_base_url (f->server), kind);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = fedisim_browser_download (browser, url, "alice", "pw", &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

#define LARGE_BOUND 1200   /* s of server time: see test_large() */

static void
test_large (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) manifest = NULL;
  static const struct { const char *file; const char *kind; } csv[] = {
    { "following_accounts.csv", "follows" }, { "muted_accounts.csv", "mutes" },
    { "blocked_domains.csv", "domain_blocks" }, { "lists.csv", "lists" },
    { "bookmarks.csv", "bookmarks" },
  };
  gint64 start;
  gint64 virtual_start;

  setup_server (f, FEDISIM_FLAVOUR_MASTODON, "4.5.0", "large");
  fedisim_server_reset_counts (f->server);
  start = g_get_monotonic_time ();
  virtual_start = fedisim_world_now (f->world);
  g_assert_true (run_backup (f, "large", FERRY_BACKUP_DEFAULT, 0, &error));
  g_assert_no_error (error);
  g_test_message ("large fixture backed up in %.1f s (virtual clock moved on %" G_GINT64_FORMAT " s), "
                  "%u requests, %u retries",
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC,
                  fedisim_world_now (f->world) - virtual_start,
                  fedisim_server_status_count (f->server, 200), ferry_client_get_retries (f->client));

  /* Within the limits: never refused. */
  g_assert_cmpuint (fedisim_server_status_count (f->server, 429), ==, 0);
  /* And no slower than they make it (issue 13): 525 pages (after each category's first) are
   * more than the paging throttle's 300 per 15 minutes, so the rest waits for the second
   * paging window (900 s on, the world starts at a window's start); after it, the pages left
   * and the requests that follow them (relationships, histories: over 300) need the token's
   * windows at 900 s and 1,200 s. The bound is 1,200 s; the limiter once took 1,803 s
   * (waiting for the paging window with requests no page and the token's budget unspent). */
  {
    gint64 server_time = fedisim_world_now (f->world) - virtual_start;

    g_test_message ("server time %" G_GINT64_FORMAT " s: %.3f x the bound of %d s",
                    server_time, server_time / (double) LARGE_BOUND, LARGE_BOUND);
    g_assert_cmpint (server_time, <=, LARGE_BOUND * 105 / 100);
  }

  manifest = read_manifest (f, "large");
  g_assert_cmpint (category_count (manifest, "following"), ==, 10000);
  g_assert_cmpint (category_count (manifest, "followers"), ==, 5000);
  g_assert_cmpint (category_count (manifest, "blocks"), ==, 999);   /* the suspended one is not listed */
  g_assert_cmpint (category_count (manifest, "mutes"), ==, 1000);
  g_assert_cmpint (category_count (manifest, "domain_blocks"), ==, 20);
  g_assert_cmpint (category_count (manifest, "lists"), ==, 50);
  g_assert_cmpint (category_count (manifest, "bookmarks"), ==, 2000);
  g_assert_cmpint (category_count (manifest, "favourites"), ==, 500);
  g_assert_cmpint (category_count (manifest, "followed_tags"), ==, 20);
  g_assert_cmpint (category_count (manifest, "featured_tags"), ==, 5);
  g_assert_cmpint (category_count (manifest, "endorsements"), ==, 10);
  g_assert_cmpint (category_count (manifest, "filters"), ==, 10);
  g_assert_cmpint (category_count (manifest, "notes"), ==, 100);
  g_assert_cmpint (category_count (manifest, "posts"), ==, 10000);
  g_assert_cmpint (category_count (manifest, "media"), ==, 1000);
  g_assert_cmpint (category_count (manifest, "profile"), ==, 1);

  /* The CSV files are Mastodon's own, byte for byte. */
  for (guint i = 0; i < G_N_ELEMENTS (csv); i++)
    {
      g_autofree char *ours = read_file (f, "large", csv[i].file);
      g_autofree char *theirs = export (f, csv[i].kind);

      g_test_message ("%s: %zu bytes", csv[i].file, strlen (ours));
      g_assert_cmpstr (ours, ==, theirs);
    }
  /* Blocks: the same, less the suspended account the API leaves out (the newest-first
   * export has it on the first line). */
  {
    g_autofree char *ours = read_file (f, "large", "blocked_accounts.csv");
    g_autofree char *theirs = export (f, "blocks");
    const char *after_first = strchr (theirs, '\n') + 1;

    g_assert_cmpstr (ours, ==, after_first);
  }
  /* Where the CSV loses things, the JSON keeps them. */
  {
    g_autofree char *lists = read_file (f, "large", "lists.json");
    g_autofree char *profile = read_file (f, "large", "profile.json");
    g_autofree char *filters = read_file (f, "large", "custom_filters.json");
    g_autofree char *avatar = g_build_filename (f->tmpdir, "large", "avatar.img", NULL);

    g_assert_nonnull (strstr (lists, "\"replies_policy\" : \"followed\""));
    g_assert_nonnull (strstr (lists, "\"exclusive\" : true"));
    g_assert_nonnull (strstr (lists, "\"members\" : []"));   /* the empty list */
    g_assert_nonnull (strstr (profile, "Moving servers, carefully."));
    g_assert_nonnull (strstr (profile, "\"privacy\" : \"unlisted\""));
    g_assert_nonnull (strstr (filters, "\"keywords_attributes\""));
  }
  g_assert_nonnull (json_object_get_object_member (json_object_get_object_member (manifest, "files"),
                                                   "posts.jsonl"));
}

/* Every file but manifest.json's date, compared. */
static void
assert_same_backup (Fixture    *f,
                    const char *a,
                    const char *b)
{
  g_autoptr(JsonObject) ma = read_manifest (f, a);
  g_autoptr(JsonObject) mb = read_manifest (f, b);
  JsonObject *fa = json_object_get_object_member (ma, "files");
  JsonObject *fb = json_object_get_object_member (mb, "files");
  g_autoptr(GList) names = json_object_get_members (fa);
  g_autofree char *journal = g_build_filename (f->tmpdir, b, ".ferry-journal", NULL);

  g_assert_cmpuint (json_object_get_size (fa), ==, json_object_get_size (fb));
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *ea = json_object_get_object_member (fa, l->data);
      JsonObject *eb = json_object_get_object_member (fb, l->data);

      g_assert_nonnull (eb);
      g_assert_cmpstr (json_object_get_string_member (ea, "sha256"), ==,
                       json_object_get_string_member (eb, "sha256"));
    }
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static void
test_faults (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  setup_server (f, FEDISIM_FLAVOUR_MASTODON, "4.5.0", "small");
  g_assert_true (run_backup (f, "clean", FERRY_BACKUP_DEFAULT, 0, &error));
  g_assert_no_error (error);

  /* A 429, a 500, a dropped connection, a cut body, an HTML page: each once, on the
   * busiest routes. */
  fedisim_server_add_fault (f->server, "GET /api/v1/accounts/:id/following", FEDISIM_FAULT_STATUS, 429, 1);
  fedisim_server_add_fault (f->server, "GET /api/v1/accounts/:id/statuses", FEDISIM_FAULT_STATUS, 500, 2);
  fedisim_server_add_fault (f->server, "GET /api/v1/accounts/relationships", FEDISIM_FAULT_DROP, 0, 1);
  fedisim_server_add_fault (f->server, "GET /api/v1/blocks", FEDISIM_FAULT_TRUNCATE, 0, 1);
  fedisim_server_add_fault (f->server, "GET /api/v1/bookmarks", FEDISIM_FAULT_HTML, 502, 1);
  fedisim_server_add_fault (f->server, "GET /system/media_attachments/:id/original", FEDISIM_FAULT_STATUS, 503, 1);
  g_assert_true (run_backup (f, "faulty", FERRY_BACKUP_DEFAULT, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ferry_client_get_retries (f->client), >=, 6);
  assert_same_backup (f, "clean", "faulty");
}

static void
test_resume (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint stops = 0;

  setup_server (f, FEDISIM_FLAVOUR_MASTODON, "4.5.0", "small");
  g_assert_true (run_backup (f, "whole", FERRY_BACKUP_DEFAULT, 0, &error));
  g_assert_no_error (error);

  /* Stopped after 1, 4, 9… items, again and again, in the same folder. */
  for (guint after = 1; ; after += 3 + stops * 2)
    {
      gboolean ok = run_backup (f, "resumed", FERRY_BACKUP_DEFAULT, after, &error);

      if (ok)
        break;
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      stops++;
      g_assert_cmpuint (stops, <, 100);
    }
  g_test_message ("stopped %u times", stops);
  g_assert_cmpuint (stops, >=, 3);
  assert_same_backup (f, "whole", "resumed");
}

/* Paused, no request goes out, what is in flight is committed; resumed, the backup ends the
 * same as one never paused. Cancelled while paused, it ends at once, keeping what was saved. */
static void
test_pause (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(FerryBackup) backup = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint answers;
  gint64 until;

  setup_server (f, FEDISIM_FLAVOUR_MASTODON, "4.5.0", "small");
  g_assert_true (run_backup (f, "whole", FERRY_BACKUP_DEFAULT, 0, &error));
  g_assert_no_error (error);

  path = g_build_filename (f->tmpdir, "paused", NULL);
  dir = g_file_new_for_path (path);
  backup = ferry_backup_new (f->client, dir, FERRY_BACKUP_DEFAULT);
  ferry_job_run_async (FERRY_JOB (backup), NULL, ferry_test_got_result, &result);
  /* Some pages in, then paused. */
  while (ferry_job_get_done (FERRY_JOB (backup)) < 5 && result == NULL)
    g_main_context_iteration (NULL, TRUE);
  ferry_job_pause (FERRY_JOB (backup));
  g_assert_cmpint (ferry_job_get_state (FERRY_JOB (backup)), ==, FERRY_JOB_STATE_PAUSED);
  /* What was in flight comes in; then nothing more is asked. */
  until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  answers = fedisim_server_answer_count (f->server);
  until = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (result);
  g_assert_cmpuint (fedisim_server_answer_count (f->server), ==, answers);
  ferry_job_resume (FERRY_JOB (backup));
  g_assert_true (ferry_job_run_finish (FERRY_JOB (backup), ferry_test_wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpint (ferry_job_get_state (FERRY_JOB (backup)), ==, FERRY_JOB_STATE_FINISHED);
  g_assert_cmpfloat (ferry_job_get_fraction (FERRY_JOB (backup)), ==, 1.0);
  assert_same_backup (f, "whole", "paused");

  /* Cancelled while paused. */
  g_clear_object (&result);
  g_clear_object (&backup);
  g_clear_object (&dir);
  g_free (path);
  path = g_build_filename (f->tmpdir, "cancelled", NULL);
  dir = g_file_new_for_path (path);
  backup = ferry_backup_new (f->client, dir, FERRY_BACKUP_DEFAULT);
  ferry_job_run_async (FERRY_JOB (backup), NULL, ferry_test_got_result, &result);
  while (ferry_job_get_done (FERRY_JOB (backup)) < 5 && result == NULL)
    g_main_context_iteration (NULL, TRUE);
  ferry_job_pause (FERRY_JOB (backup));
  ferry_job_cancel (FERRY_JOB (backup));
  g_assert_false (ferry_job_run_finish (FERRY_JOB (backup), ferry_test_wait_for (&result),
                                        &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (ferry_job_get_state (FERRY_JOB (backup)), ==, FERRY_JOB_STATE_CANCELLED);
  g_clear_error (&error);
  g_assert_true (run_backup (f, "cancelled", FERRY_BACKUP_DEFAULT, 0, &error));
  g_assert_no_error (error);
  assert_same_backup (f, "whole", "cancelled");
}

/* #9: a journal whose state files are empty (a crash while one was created, a full disk) is
 * no journal: the backup starts those categories over, without a Json-CRITICAL (fatal here). */
static void
test_empty_state (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *journal = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint emptied = 0;

  setup_server (f, FEDISIM_FLAVOUR_MASTODON, "4.5.0", "small");
  g_assert_true (run_backup (f, "whole", FERRY_BACKUP_DEFAULT, 0, &error));
  g_assert_no_error (error);
  g_assert_false (run_backup (f, "resumed", FERRY_BACKUP_DEFAULT, 5, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  journal = g_build_filename (f->tmpdir, "resumed", ".ferry-journal", NULL);
  dir = g_dir_open (journal, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (journal, name, NULL);

      if (!g_str_has_suffix (name, ".json"))
        continue;
      g_assert_true (g_file_set_contents (path, "", 0, &error));
      emptied++;
    }
  g_assert_cmpuint (emptied, >, 0);

  g_assert_true (run_backup (f, "resumed", FERRY_BACKUP_DEFAULT, 0, &error));
  g_assert_no_error (error);
  assert_same_backup (f, "whole", "resumed");
}

static void
test_incremental (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  setup_server (f, FEDISIM_FLAVOUR_MASTODON, "4.5.0", "small");
  g_assert_true (run_backup (f, "again", FERRY_BACKUP_DEFAULT, 0, &error));
  g_assert_no_error (error);
  before = read_file (f, "again", "posts.jsonl");
  fedisim_server_reset_counts (f->server);

  g_assert_true (run_backup (f, "again", FERRY_BACKUP_DEFAULT, 0, &error));
  g_assert_no_error (error);
  after = read_file (f, "again", "posts.jsonl");
  g_assert_cmpstr (before, ==, after);
  /* The pinned posts, and one page that holds nothing new; no media fetched again. */
  g_assert_cmpuint (fedisim_server_request_count (f->server, "GET /api/v1/accounts/:id/statuses"), ==, 2);
  g_assert_cmpuint (fedisim_server_request_count (f->server, "GET /system/media_attachments/:id/original"), ==, 0);
}

static void
test_other_account (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bob_token = NULL;

  setup_server (f, FEDISIM_FLAVOUR_MASTODON, "4.5.0", "small");
  g_assert_true (run_backup (f, "mine", FERRY_BACKUP_NO_POSTS, 0, &error));
  g_assert_no_error (error);
  fedisim_server_add_user (f->server, "bob", "pw");
  bob_token = fedisim_server_issue_token (f->server, "bob", "read");
  ferry_client_set_token (f->client, bob_token);
  g_assert_false (run_backup (f, "mine", FERRY_BACKUP_NO_POSTS, 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "another account"));
}

static void
test_gotosocial (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) manifest = NULL;
  g_autofree char *following = NULL;

  setup_server (f, FEDISIM_FLAVOUR_GOTOSOCIAL, "0.19.1", "small");
  g_assert_true (run_backup (f, "gts", FERRY_BACKUP_DEFAULT, 0, &error));
  g_assert_no_error (error);
  manifest = read_manifest (f, "gts");
  /* GoToSocial has no domain block API for users: said, not failed. */
  g_assert_cmpstr (category_state (manifest, "domain_blocks"), ==, "skipped");
  g_assert_nonnull (json_object_get_string_member (json_object_get_object_member (
    json_object_get_object_member (manifest, "categories"), "domain_blocks"), "reason"));
  g_assert_cmpstr (category_state (manifest, "following"), ==, "done");
  g_assert_cmpint (category_count (manifest, "following"), ==, 12);
  following = read_file (f, "gts", "following_accounts.csv");
  g_assert_true (g_str_has_prefix (following, "Account address,Show boosts,Notify on new posts,Languages\n"));
}

/* Akkoma and a legacy server: whatever they lack is said, and the rest is saved. */
static void
test_other_flavours (Fixture       *f,
                     gconstpointer  data)
{
  FedisimFlavour flavour = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) manifest = NULL;
  g_autofree char *following = NULL;

  setup_server (f, flavour, NULL, "small");
  g_assert_true (run_backup (f, "other", FERRY_BACKUP_DEFAULT, 0, &error));
  g_assert_no_error (error);
  manifest = read_manifest (f, "other");
  g_assert_cmpstr (category_state (manifest, "following"), ==, "done");
  g_assert_cmpint (category_count (manifest, "following"), ==, 12);
  g_assert_cmpint (category_count (manifest, "posts"), ==, 30);
  following = read_file (f, "other", "following_accounts.csv");
  g_assert_true (g_str_has_prefix (following, "Account address,Show boosts,Notify on new posts,Languages\n"));
}

static void
test_login_disabled (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  setup_server (f, FEDISIM_FLAVOUR_MASTODON, "4.5.0", "small");
  fedisim_server_revoke_tokens (f->server, "alice");
  g_assert_false (run_backup (f, "revoked", FERRY_BACKUP_DEFAULT, 0, &error));
  g_assert_error (error, FERRY_API_ERROR, FERRY_API_ERROR_AUTH);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, NULL, func, teardown)
  ADD ("/backup/large", test_large);
  ADD ("/backup/faults", test_faults);
  ADD ("/backup/resume", test_resume);
  ADD ("/backup/pause", test_pause);
  ADD ("/backup/empty-state", test_empty_state);
  ADD ("/backup/incremental", test_incremental);
  ADD ("/backup/other-account", test_other_account);
  ADD ("/backup/gotosocial", test_gotosocial);
  ADD ("/backup/revoked", test_login_disabled);
  g_test_add ("/backup/akkoma", Fixture, GINT_TO_POINTER (FEDISIM_FLAVOUR_AKKOMA), NULL,
              test_other_flavours, teardown);
  g_test_add ("/backup/legacy", Fixture, GINT_TO_POINTER (FEDISIM_FLAVOUR_LEGACY), NULL,
              test_other_flavours, teardown);
#undef ADD

  return g_test_run ();
}
