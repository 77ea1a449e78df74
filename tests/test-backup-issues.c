/* test-backup-issues.c: FerryBackup against fedisim, issue 12's findings
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The files are private; a passing 404 is a failure, not "skipped"; what snac's API hides is
 * said; pictures that are none (empty, stand-ins, not images) are not saved; any attachment id
 * gets a file; CSV cells are verbatim. The backup itself: test-backup.c.
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

/* Issue 12 #8: every folder the backup makes is 0700 and every file 0600, whatever the
 * umask: private posts, DMs, blocks, mutes and notes are the person's alone. */
static void
assert_private_tree (const char *path,
                     guint      *n_files)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  if (!S_ISDIR (st.st_mode))
    {
      if ((st.st_mode & 0777) != 0600)
        g_error ("%s is %o, not 0600", path, st.st_mode & 0777);
      (*n_files)++;
      return;
    }
  if ((st.st_mode & 0777) != 0700)
    g_error ("the folder %s is %o, not 0700", path, st.st_mode & 0777);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      assert_private_tree (child, n_files);
    }
}

static void
test_private (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *old = NULL;
  g_autofree char *file = NULL;
  g_autofree char *part = NULL;
  mode_t saved = umask (022);
  guint n = 0;
  GStatBuf st;

  setup_server (f, FEDISIM_FLAVOUR_MASTODON, "4.5.0", "small");

  /* Stopped half-way: the journal is private too. */
  g_assert_false (run_backup (f, "private", FERRY_BACKUP_DEFAULT, 20, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  journal = g_build_filename (f->tmpdir, "private", ".ferry-journal", NULL);
  g_assert_true (g_file_test (journal, G_FILE_TEST_IS_DIR));
  folder = g_build_filename (f->tmpdir, "private", NULL);
  assert_private_tree (folder, &n);
  g_assert_cmpuint (n, >, 2);

  /* Finished: every file and folder, the media and the pictures included. */
  g_assert_true (run_backup (f, "private", FERRY_BACKUP_DEFAULT, 0, &error));
  g_assert_no_error (error);
  n = 0;
  assert_private_tree (folder, &n);
  g_test_message ("%u files, all 0600", n);
  g_assert_cmpuint (n, >, 10);

  /* A backup an older Ferry left world-readable, backed up into again: made private. */
  {
    g_autofree char *media = g_build_filename (folder, "media", NULL);
    g_autofree char *csv = g_build_filename (folder, "following_accounts.csv", NULL);
    g_autoptr(GDir) dir = g_dir_open (media, 0, NULL);
    const char *name = dir ? g_dir_read_name (dir) : NULL;
    g_autofree char *one = name ? g_build_filename (media, name, NULL) : NULL;

    g_assert_nonnull (one);
    g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
    g_assert_cmpint (g_chmod (media, 0755), ==, 0);
    g_assert_cmpint (g_chmod (csv, 0644), ==, 0);
    g_assert_cmpint (g_chmod (one, 0644), ==, 0);
    g_assert_true (run_backup (f, "private", FERRY_BACKUP_DEFAULT, 0, &error));
    g_assert_no_error (error);
    n = 0;
    assert_private_tree (folder, &n);
  }

  /* A folder an older Ferry made 0755 is made 0700; a part file a killed run left 0644
   * does not widen the file written through it. */
  old = g_build_filename (f->tmpdir, "old-folder", NULL);
  g_assert_cmpint (g_mkdir (old, 0755), ==, 0);
  g_assert_true (ferry_private_dir_make (old, &error));
  g_assert_no_error (error);
  file = g_build_filename (old, "report.csv", NULL);
  part = g_build_filename (old, ".report.csv.ferry-part", NULL);
  g_assert_true (g_file_set_contents_full (part, "old", -1, G_FILE_SET_CONTENTS_NONE, 0644, NULL));
  g_assert_true (ferry_private_file_write (file, "a,b\n", -1, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  n = 0;
  assert_private_tree (old, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (g_stat (file, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 4);
  umask (saved);
}

/* Issue 12 #12: one passing 404 on the posts, the follows or the followers is a failure to
 * retry, never "skipped" in a backup called complete; the next run finishes it. */
static void
test_passing_404 (Fixture       *f,
                  gconstpointer  data)
{
  static const struct { const char *route; const char *category; } cases[] = {
    { "GET /api/v1/accounts/:id/statuses", "posts" },
    { "GET /api/v1/accounts/:id/following", "following" },
    { "GET /api/v1/accounts/:id/followers", "followers" },
    { "GET /api/v1/bookmarks", "bookmarks" },
  };

  setup_server (f, FEDISIM_FLAVOUR_MASTODON, "4.5.0", "small");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) manifest = NULL;
      g_autofree char *subdir = g_strdup_printf ("404-%s", cases[i].category);
      g_autofree char *manifest_path = g_build_filename (f->tmpdir, subdir, "manifest.json", NULL);

      fedisim_server_reset_counts (f->server);
      fedisim_server_add_fault (f->server, cases[i].route, FEDISIM_FAULT_STATUS, 404, 1);
      g_assert_false (run_backup (f, subdir, FERRY_BACKUP_DEFAULT, 0, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
      g_test_message ("%s: %s", cases[i].category, error->message);
      g_assert_null (strstr (error->message, "no way"));
      /* Not complete: no manifest says so. And the 404 was not asked again and again. */
      g_assert_false (g_file_test (manifest_path, G_FILE_TEST_EXISTS));
      g_assert_cmpuint (fedisim_server_status_count (f->server, 404), ==, 1);
      g_assert_cmpuint (fedisim_server_request_count (f->server, cases[i].route), <=, 2);

      /* Started again: the category is fetched, and the backup is whole. */
      g_clear_error (&error);
      g_assert_true (run_backup (f, subdir, FERRY_BACKUP_DEFAULT, 0, &error));
      g_assert_no_error (error);
      manifest = read_manifest (f, subdir);
      g_assert_cmpstr (category_state (manifest, cases[i].category), ==, "done");
      g_assert_cmpint (category_count (manifest, cases[i].category), >, 0);
    }
}

/* Issue 12 #18 and #17 on snac: what its API hides (followers, blocks, favourites: []) is
 * said in the manifest, not backed up as 0 as if complete; what it has no way to read (mutes,
 * domain blocks) is not asked for; an empty header is no picture, and its home page is not
 * fetched in its place; its attachments, whose ids are addresses, are saved. */
static void
test_snac (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) manifest = NULL;
  g_autoptr(JsonObject) bob = NULL;
  g_autofree char *bob_token = NULL;
  g_autofree char *header = NULL;
  g_autofree char *posts = NULL;
  static const char *hidden[] = { "followers", "blocks", "favourites" };
  static const char *missing[] = { "mutes", "domain_blocks" };
  JsonObject *pictures;
  guint attachments = 0;

  setup_server (f, FEDISIM_FLAVOUR_LEGACY, NULL, "small");
  fedisim_server_reset_counts (f->server);
  g_assert_true (run_backup (f, "snac", FERRY_BACKUP_DEFAULT, 0, &error));
  g_assert_no_error (error);
  manifest = read_manifest (f, "snac");
  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    {
      JsonObject *entry = json_object_get_object_member (json_object_get_object_member (manifest, "categories"),
                                                         hidden[i]);

      g_assert_cmpstr (category_state (manifest, hidden[i]), ==, "skipped");
      g_assert_cmpstr (json_object_get_string_member (entry, "api"), ==, "hidden");
      g_assert_nonnull (strstr (json_object_get_string_member (entry, "reason"), "does not show"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (missing); i++)
    {
      JsonObject *entry = json_object_get_object_member (json_object_get_object_member (manifest, "categories"),
                                                         missing[i]);

      g_assert_cmpstr (category_state (manifest, missing[i]), ==, "skipped");
      g_assert_cmpstr (json_object_get_string_member (entry, "api"), ==, "missing");
    }
  /* Not asked at all (snac would answer [] or 404). */
  g_assert_cmpuint (fedisim_server_request_count (f->server, "GET /api/v1/accounts/:id/followers"), ==, 0);
  g_assert_cmpuint (fedisim_server_request_count (f->server, "GET /api/v1/mutes"), ==, 0);
  g_assert_cmpuint (fedisim_server_request_count (f->server, "GET /api/v1/domain_blocks"), ==, 0);
  g_assert_cmpstr (category_state (manifest, "following"), ==, "done");

  /* The attachments: each has its file, named after its address. */
  posts = read_file (f, "snac", "posts.jsonl");
  for (const char *p = posts; (p = strstr (p, "\"local_file\":\"")) != NULL; p++)
    {
      g_autofree char *name = g_strndup (p + 14, strcspn (p + 14, "\""));
      g_autofree char *full = g_build_filename (f->tmpdir, "snac", name, NULL);

      g_assert_true (g_str_has_prefix (name, "media/url-"));
      g_assert_true (g_file_test (full, G_FILE_TEST_IS_REGULAR));
      attachments++;
    }
  g_assert_cmpuint (attachments, >, 0);
  g_assert_cmpint (category_count (manifest, "media"), ==, attachments);

  /* bob has no pictures: snac says "header": "", and the stand-in avatar. */
  fedisim_server_add_user (f->server, "bob", "pw");
  bob_token = fedisim_server_issue_token (f->server, "bob", "read write follow");
  ferry_client_set_token (f->client, bob_token);
  fedisim_server_reset_counts (f->server);
  g_assert_true (run_backup (f, "bob", FERRY_BACKUP_DEFAULT, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fedisim_server_request_count (f->server, "GET /"), ==, 0);
  g_assert_cmpuint (fedisim_server_request_count (f->server, "GET /avatars/original/missing.png"), ==, 0);
  header = g_build_filename (f->tmpdir, "bob", "header.img", NULL);
  g_assert_false (g_file_test (header, G_FILE_TEST_EXISTS));
  bob = read_manifest (f, "bob");
  pictures = json_object_get_object_member (bob, "pictures");
  g_assert_nonnull (pictures);
  g_assert_true (json_object_get_null_member (json_object_get_object_member (pictures, "header"), "file"));
  g_assert_nonnull (json_object_get_string_member (json_object_get_object_member (pictures, "header"), "reason"));
  g_assert_true (json_object_get_null_member (json_object_get_object_member (pictures, "avatar"), "file"));
  g_assert_false (json_object_has_member (json_object_get_object_member (bob, "files"), "header.img"));
}

/* Issue 12 #17: an answer that is not a picture (here a web page, with 200) is no picture:
 * not kept, said in the manifest, and the rest of the profile is saved. */
static void
test_picture_not_image (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) manifest = NULL;
  g_autofree char *avatar = NULL;
  g_autofree char *profile = NULL;
  JsonObject *pictures;

  setup_server (f, FEDISIM_FLAVOUR_MASTODON, "4.5.0", "small");
  fedisim_server_add_fault (f->server, "GET /system/accounts/:kind/:id/original", FEDISIM_FAULT_HTML, 200, 1);
  g_assert_true (run_backup (f, "html", FERRY_BACKUP_DEFAULT, 0, &error));
  g_assert_no_error (error);
  manifest = read_manifest (f, "html");
  pictures = json_object_get_object_member (manifest, "pictures");
  g_assert_nonnull (pictures);
  /* One of the two got the page; the other is the person's picture. */
  {
    JsonObject *a = json_object_get_object_member (pictures, "avatar");
    JsonObject *h = json_object_get_object_member (pictures, "header");
    JsonObject *bad = json_object_get_null_member (a, "file") ? a : h;
    JsonObject *good = bad == a ? h : a;

    g_assert_true (json_object_get_null_member (bad, "file"));
    g_assert_nonnull (strstr (json_object_get_string_member (bad, "reason"), "not a picture"));
    g_assert_false (json_object_get_null_member (good, "file"));
    avatar = g_build_filename (f->tmpdir, "html", json_object_get_string_member (good, "file"), NULL);
    g_assert_true (g_file_test (avatar, G_FILE_TEST_IS_REGULAR));
  }
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (manifest, "files")), >, 0);
  /* Each picture asked for once: the page is not taken for a failure to retry. */
  g_assert_cmpuint (fedisim_server_request_count (f->server, "GET /system/accounts/:kind/:id/original"), ==, 2);
  profile = read_file (f, "html", "profile.json");
  g_assert_nonnull (strstr (profile, "Moving servers, carefully."));
  g_assert_null (strstr (profile, "something went wrong"));
}

/* Issue 12 #17, #23: the servers' stand-in pictures and empty addresses are no picture; a
 * web page is not an image. */
static void
test_stand_ins (void)
{
  static const char *stand_ins[] = {
    "", "/relative", "https://gts.example/assets/default_avatars/GoToSocial_icon3.webp",
    "https://gts.example/assets/default_header.webp",
    "https://m.example/avatars/original/missing.png", "https://cdn.example/headers/original/missing.png",
    "https://snac.example/susie.png",
  };
  static const char *pictures[] = {
    "https://m.example/system/accounts/avatars/000/000/001/original/a.png",
    "https://gts.example/fileserver/01AB/account/avatar/original/01CD.webp",
  };
  g_autoptr(GBytes) html = g_bytes_new_static ("<!DOCTYPE html><html><body>Home</body></html>", 46);
  g_autoptr(GBytes) png = g_bytes_new_static ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  g_autoptr(GBytes) webp = g_bytes_new_static ("RIFF\x10\0\0\0WEBPVP8 ", 16);

  for (guint i = 0; i < G_N_ELEMENTS (stand_ins); i++)
    g_assert_nonnull (ferry_backup_picture_stand_in (stand_ins[i]));
  g_assert_nonnull (ferry_backup_picture_stand_in (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (pictures); i++)
    g_assert_null (ferry_backup_picture_stand_in (pictures[i]));
  g_assert_false (ferry_backup_is_image (html));
  g_assert_true (ferry_backup_is_image (png));
  g_assert_true (ferry_backup_is_image (webp));
}

/* Issue 12 #9: an attachment whose id is "" (or "..", or an address) gets a file of its own,
 * named after its URL; it never makes the media step fail on its name. */
static void
test_media_names (void)
{
  const char *url = "https://m.example/system/media_attachments/files/1/original/cat.png";
  g_autofree char *plain = ferry_backup_media_file_name ("109", url);
  g_autofree char *empty = ferry_backup_media_file_name ("", url);
  g_autofree char *dots = ferry_backup_media_file_name ("..", url);
  g_autofree char *snac = ferry_backup_media_file_name ("https://snac.example/alice/p/1_0", url);
  g_autofree char *none = ferry_backup_media_file_name (NULL, url);

  g_assert_cmpstr (plain, ==, "media/109.png");
  g_assert_true (g_str_has_prefix (empty, "media/url-") && g_str_has_suffix (empty, ".png"));
  g_assert_cmpuint (strlen (empty), ==, strlen ("media/url-") + 32 + 4);
  g_assert_cmpstr (dots, ==, empty);
  g_assert_cmpstr (snac, ==, empty);
  g_assert_cmpstr (none, ==, empty);
  g_assert_null (strchr (empty + strlen ("media/"), '/'));
}

/* Issue 12 #10: a cell that begins with =, +, - or @ is kept verbatim (Mastodon's import
 * needs the same text back; the help warns before a spreadsheet opens the files), and the
 * warning is in the help. */
static void
test_csv_verbatim (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FerryParams) params = ferry_params_new ();
  g_autoptr(JsonNode) list = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *here = g_path_get_dirname (__FILE__);   /* the build runs from _build */
  g_autofree char *help_path = g_build_filename (here, "..", "help", "C", "backup.page", NULL);
  g_autofree char *help = NULL;
  const char *title = "=HYPERLINK(\"https://evil.example\",\"-@+\")";
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;

  setup_server (f, FEDISIM_FLAVOUR_MASTODON, "4.5.0", "small");
  ferry_params_add (params, "title", title);
  ferry_client_call_async (f->client, "POST", "/api/v1/lists", params, NULL, ferry_test_got_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  list = ferry_client_call_finish (f->client, result, NULL, &error);
  g_assert_no_error (error);
  id = g_strdup (json_object_get_string_member (json_node_get_object (list), "id"));
  g_clear_object (&result);
  g_clear_pointer (&params, ferry_params_unref);
  /* One of the accounts alice follows, as a member (lists.csv has a row per member). */
  ferry_client_call_async (f->client, "GET", "/api/v1/accounts/verify_credentials", NULL, NULL,
                           ferry_test_got_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_clear_pointer (&list, json_node_unref);
  list = ferry_client_call_finish (f->client, result, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  path = g_strdup_printf ("/api/v1/accounts/%s/following?limit=1",
                          json_object_get_string_member (json_node_get_object (list), "id"));
  ferry_client_call_async (f->client, "GET", path, NULL, NULL, ferry_test_got_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_clear_pointer (&list, json_node_unref);
  list = ferry_client_call_finish (f->client, result, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  params = ferry_params_new ();
  ferry_params_add (params, "account_ids[]",
                    json_object_get_string_member (json_array_get_object_element (json_node_get_array (list), 0), "id"));
  g_free (path);
  path = g_strdup_printf ("/api/v1/lists/%s/accounts", id);
  ferry_client_call_async (f->client, "POST", path, params, NULL, ferry_test_got_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_clear_pointer (&list, json_node_unref);
  list = ferry_client_call_finish (f->client, result, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (run_backup (f, "csv", FERRY_BACKUP_NO_POSTS, 0, &error));
  g_assert_no_error (error);
  csv = read_file (f, "csv", "lists.csv");
  /* Quoted as CSV quotes (the comma, the quotes), never escaped for a spreadsheet ('=…). */
  g_assert_nonnull (strstr (csv, "\"=HYPERLINK(\"\"https://evil.example\"\",\"\"-@+\"\")\""));
  g_assert_null (strstr (csv, "'="));

  g_assert_true (g_file_get_contents (help_path, &help, NULL, NULL));
  g_assert_nonnull (strstr (help, "id=\"spreadsheets\""));
  g_assert_nonnull (strstr (help, "<code>=</code>, <code>+</code>, <code>-</code> or <code>@</code>"));
}

/* Issue 12 #12, #18: what is skipped without asking comes from the probe alone, by
 * software and version; nothing else is. */
static JsonNode *
parse (const char *text)
{
  return json_from_string (text, NULL);
}

static void
test_server_gaps (void)
{
  static const struct {
    const char *software, *version, *category;
    const char *gap;   /* "missing", "hidden" or NULL */
  } cases[] = {
    { "mastodon", "4.5.0", "followed_tags", NULL }, { "mastodon", "4.5.0", "domain_blocks", NULL },
    { "mastodon", "3.5.3", "followed_tags", "missing" }, { "mastodon", "3.5.3", "filters", "missing" },
    { "mastodon", "3.5.3", "posts", NULL }, { "mastodon", "", "filters", NULL },
    { "gotosocial", "0.19.2", "domain_blocks", "missing" }, { "gotosocial", "0.19.2", "endorsements", "missing" },
    { "gotosocial", "0.19.2", "mutes", NULL }, { "gotosocial", "0.19.2", "followers", NULL },
    { "snac", "2.94", "mutes", "missing" }, { "snac", "2.94", "domain_blocks", "missing" },
    { "snac", "2.94", "followers", "hidden" }, { "snac", "2.94", "blocks", "hidden" },
    { "snac", "2.94", "favourites", "hidden" }, { "snac", "2.94", "following", NULL },
    { "snac", "2.94", "posts", NULL }, { "akkoma", "3.13.2", "endorsements", NULL },
  };
  g_autoptr(GFile) dir = g_file_new_for_path ("/nonexistent-ferry-test");
  g_autoptr(FerryClient) client = ferry_client_new ("https://gaps.example", NULL);
  g_autoptr(FerryBackup) backup = ferry_backup_new (client, dir, FERRY_BACKUP_DEFAULT);
  gboolean hidden;

  /* No probe: nothing is known to be missing. */
  g_assert_null (ferry_backup_server_gap (backup, "domain_blocks", &hidden));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"software\":{\"name\":\"%s\",\"version\":\"%s\"}}",
                                               cases[i].software, cases[i].version);
      g_autoptr(JsonNode) nodeinfo = parse (text);
      g_autoptr(JsonNode) instance = parse ("{}");
      const char *gap;

      g_clear_object (&backup->info);
      backup->info = ferry_server_info_new_from_json ("gaps.example", nodeinfo, instance, NULL);
      gap = ferry_backup_server_gap (backup, cases[i].category, &hidden);
      g_test_message ("%s %s %s: %s", cases[i].software, cases[i].version, cases[i].category, gap ? gap : "-");
      if (cases[i].gap == NULL)
        g_assert_null (gap);
      else
        {
          g_assert_nonnull (gap);
          g_assert_cmpint (hidden, ==, g_str_equal (cases[i].gap, "hidden"));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, NULL, func, teardown)
  ADD ("/backup/private", test_private);
  ADD ("/backup/passing-404", test_passing_404);
  ADD ("/backup/snac", test_snac);
  ADD ("/backup/picture-not-image", test_picture_not_image);
  ADD ("/backup/csv-verbatim", test_csv_verbatim);
  g_test_add_func ("/backup/stand-ins", test_stand_ins);
  g_test_add_func ("/backup/server-gaps", test_server_gaps);
  g_test_add_func ("/backup/media-names", test_media_names);
#undef ADD

  return g_test_run ();
}
