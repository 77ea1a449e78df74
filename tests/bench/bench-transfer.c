/* bench-transfer.c: how much of Mastodon's allowed rate a transfer uses
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "medium" fixture (1,000 follows and about 5,000 other items) backed up from one
 * fedisim Mastodon and transferred to another, on the virtual clock, with Mastodon's real
 * limits: 300 requests per 5 minutes per token, 400 follows a day. Prints, for the items
 * other than follows, the requests sent against the budget of the 5-minute windows the run
 * touched; for follows, how many went each day; and the 429 answers (there should be none).
 * Run: meson test --benchmark -C _build-test (or the binary itself).
 */

#include "config.h"

#include <locale.h>

#include "fedisim.h"
#include "ferry-test-util.h"
#include "ferry-backup.h"
#include "ferry-tls-database.h"
#include "ferry-transfer.h"

static FedisimWorld *world;

static void
on_waiting (FerryClient *client,
            gint64       seconds,
            gpointer     data)
{
  gint64 wake = ferry_rate_limiter_get_server_now (ferry_client_get_rate_limiter (client)) + seconds;

  if (wake > fedisim_world_now (world))
    fedisim_world_set_time (world, wake);
}

static FerryClient *
client_for (FedisimServer *server,
            const char    *user,
            GTlsDatabase  *trust)
{
  g_autofree char *token = fedisim_server_issue_token (server, user, "read write follow");
  FerryClient *client = ferry_client_new (fedisim_server_get_base_url (server), trust);

  ferry_client_set_token (client, token);
  ferry_client_set_time_scale (client, 100000.0);
  g_signal_connect (client, "waiting", G_CALLBACK (on_waiting), NULL);
  return client;
}

static void
transfer (FerryClient        *client,
          const char         *backup,
          const char * const *only)
{
  g_autoptr(GFile) dir = g_file_new_for_path (backup);
  g_autoptr(FerryTransfer) job = ferry_transfer_new (client, dir);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  ferry_transfer_set_only (job, only);
  ferry_transfer_set_method (job, FERRY_TRANSFER_METHOD_API);
  ferry_job_run_async (FERRY_JOB (job), NULL, ferry_test_got_result, &result);
  if (!ferry_job_run_finish (FERRY_JOB (job), ferry_test_wait_for (&result), &error))
    g_error ("transfer: %s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  const char *others[] = { "lists", "blocks", "mutes", "domain_blocks", "bookmarks", "followed_tags",
                           "featured_tags", "filters", "notes", "profile", NULL };
  const char *follows[] = { "following", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsDatabase) trust = NULL;
  g_autoptr(FerryClient) old_client = NULL;
  g_autoptr(FerryClient) new_client = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(FerryBackup) backup = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *path = NULL;
  FedisimServer *old, *new;
  gint64 start, took, windows, day0;
  guint requests;
  double wall;

  setlocale (LC_ALL, "C.UTF-8");
  world = fedisim_world_new (&error);
  g_assert_no_error (error);
  old = fedisim_world_add_server (world, FEDISIM_FLAVOUR_MASTODON, "4.5.0", &error);
  new = fedisim_world_add_server (world, FEDISIM_FLAVOUR_MASTODON, "4.5.0", &error);
  g_assert_no_error (error);
  fedisim_server_add_user (old, "alice", "pw");
  fedisim_server_add_user (new, "bob", "pw");
  fedisim_server_seed_fixture (old, "alice", "medium");
  trust = ferry_tls_database_new (fedisim_world_get_ca_file (world), &error);
  g_assert_no_error (error);
  tmp = g_dir_make_tmp ("ferry-bench-transfer-XXXXXX", &error);
  path = g_build_filename (tmp, "backup", NULL);
  old_client = client_for (old, "alice", trust);
  dir = g_file_new_for_path (path);
  backup = ferry_backup_new (old_client, dir, FERRY_BACKUP_NO_POSTS);
  ferry_job_run_async (FERRY_JOB (backup), NULL, ferry_test_got_result, &result);
  if (!ferry_job_run_finish (FERRY_JOB (backup), ferry_test_wait_for (&result), &error))
    g_error ("backup: %s", error->message);
  new_client = client_for (new, "bob", trust);

  /* Everything but follows: bound by 300 requests per 5 minutes. */
  fedisim_server_reset_counts (new);
  start = fedisim_world_now (world);
  wall = g_get_monotonic_time () / 1e6;
  transfer (new_client, path, others);
  took = fedisim_world_now (world) - start;
  requests = fedisim_server_answer_count (new);
  windows = (fedisim_world_now (world) / 300) - (start / 300) + 1;
  g_print ("other items: %u requests in %" G_GINT64_FORMAT " s of server time (%" G_GINT64_FORMAT
           " five-minute windows, %" G_GINT64_FORMAT " allowed): %.1f %% of the allowed rate; "
           "%u answers 429; %.1f s of real time\n",
           requests, took, windows, windows * 300, 100.0 * requests / (windows * 300),
           fedisim_server_status_count (new, 429), g_get_monotonic_time () / 1e6 - wall);

  /* Follows: 400 a day. */
  fedisim_server_reset_counts (new);
  day0 = fedisim_world_now (world) / 86400;
  transfer (new_client, path, follows);
  g_print ("follows: %u follow requests over %" G_GINT64_FORMAT " days (400 allowed a day), %u answers 429\n",
           fedisim_server_request_count (new, "POST /api/v1/accounts/:id/follow"),
           fedisim_world_now (world) / 86400 - day0 + 1, fedisim_server_status_count (new, 429));

  fedisim_world_free (world);
  return 0;
}
