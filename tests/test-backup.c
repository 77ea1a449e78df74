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
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "fedisim.h"
#include "ferry-test-util.h"
#include "fedisim-browser.h"
#include "ferry-api-error.h"
#include "ferry-backup.h"
#include "ferry-backup-category.h"
#include "ferry-tls-database.h"

typedef struct
{
  FedisimWorld   *world;
  FedisimServer  *server;
  FerryClient    *client;
  GTlsDatabase   *trust;
  char           *token;
  char           *tmpdir;
  guint           commits_before_cancel;
  GCancellable   *cancellable;
} Fixture;

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
new_client (Fixture *f)
{
  FerryClient *client = ferry_client_new (fedisim_server_get_base_url (f->server), f->trust);

  ferry_client_set_token (client, f->token);
  ferry_client_set_time_scale (client, 1000.0);
  g_signal_connect (client, "waiting", G_CALLBACK (on_waiting), f);
  return client;
}

static void
setup_server (Fixture        *f,
              FedisimFlavour  flavour,
              const char     *version,
              const char     *fixture)
{
  g_autoptr(GError) error = NULL;

  f->world = fedisim_world_new (&error);
  g_assert_no_error (error);
  f->server = fedisim_world_add_server (f->world, flavour, version, &error);
  g_assert_no_error (error);
  fedisim_server_add_user (f->server, "alice", "pw");
  fedisim_server_seed_fixture (f->server, "alice", fixture);
  f->token = fedisim_server_issue_token (f->server, "alice", "read write follow");
  f->trust = ferry_tls_database_new (fedisim_world_get_ca_file (f->world), &error);
  g_assert_no_error (error);
  f->client = new_client (f);
  f->tmpdir = g_dir_make_tmp ("ferry-backup-test-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_clear_object (&f->client);
  g_clear_object (&f->trust);
  g_clear_object (&f->cancellable);
  g_clear_pointer (&f->world, fedisim_world_free);
  g_free (f->token);
  if (f->tmpdir != NULL)
    ferry_test_remove_tree (f->tmpdir);
  g_free (f->tmpdir);
}

/* Runs a backup into @subdir; cancels it after @cancel_after categories' pages (0: never). */
static gboolean
run_backup (Fixture           *f,
            const char        *subdir,
            FerryBackupFlags   flags,
            guint              cancel_after,
            GError           **error)
{
  g_autofree char *path = g_build_filename (f->tmpdir, subdir, NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(FerryBackup) backup = ferry_backup_new (f->client, dir, flags);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  GListModel *categories = ferry_backup_get_categories (backup);
  guint seen = 0;

  ferry_backup_run_async (backup, cancellable, ferry_test_got_result, &result);
  while (result == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      if (cancel_after > 0 && !g_cancellable_is_cancelled (cancellable))
        {
          guint64 done = 0;

          for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
            {
              g_autoptr(FerryBackupCategory) category = g_list_model_get_item (categories, i);

              done += ferry_backup_category_get_done (category);
            }
          if (done >= cancel_after)
            g_cancellable_cancel (cancellable);
          seen = (guint) done;
        }
    }
  g_test_message ("stopped after %u items", seen);
  return ferry_backup_run_finish (backup, result, error);
}

static char *
read_file (Fixture    *f,
           const char *subdir,
           const char *name)
{
  g_autofree char *path = g_build_filename (f->tmpdir, subdir, name, NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static JsonObject *
read_manifest (Fixture    *f,
               const char *subdir)
{
  g_autofree char *text = read_file (f, subdir, "manifest.json");
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static gint64
category_count (JsonObject *manifest,
                const char *name)
{
  JsonObject *category = json_object_get_object_member (json_object_get_object_member (manifest, "categories"), name);

  g_assert_nonnull (category);
  return json_object_get_int_member (category, "count");
}

static const char *
category_state (JsonObject *manifest,
                const char *name)
{
  return json_object_get_string_member (json_object_get_object_member (json_object_get_object_member (manifest, "categories"), name), "state");
}

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
