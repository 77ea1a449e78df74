/* test-follower-watch.c: FerryFollowerWatch samples on its own, against fedisim servers
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Its timer, a sample asked for, pause and resume, cancel; each sample kept in the move's
 * state file (0600), written off the main thread.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "fedisim.h"
#include "ferry-test-util.h"
#include "ferry-backup.h"
#include "ferry-follower-watch.h"
#include "ferry-move.h"
#include "ferry-tls-database.h"

typedef struct
{
  FedisimWorld  *world;
  FedisimServer *old_server;
  FedisimServer *new_server;
  GTlsDatabase  *trust;
  FerryClient   *old_client;
  FerryClient   *new_client;
  char          *tmpdir;
  char          *backup;
  guint          notified;
} Fixture;

static FerryClient *
client_for (Fixture       *f,
            FedisimServer *server,
            const char    *user)
{
  g_autofree char *token = fedisim_server_issue_token (server, user, "read write follow");
  FerryClient *client = ferry_client_new (fedisim_server_get_base_url (server), f->trust);

  ferry_client_set_token (client, token);
  return client;
}

static FerryMove *
setup (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(FerryBackup) backup = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *old_handle = NULL;
  g_autofree char *new_handle = NULL;
  FerryMove *move;

  f->world = fedisim_world_new (&error);
  g_assert_no_error (error);
  f->old_server = fedisim_world_add_server (f->world, FEDISIM_FLAVOUR_MASTODON, NULL, &error);
  g_assert_no_error (error);
  f->new_server = fedisim_world_add_server (f->world, FEDISIM_FLAVOUR_MASTODON, NULL, &error);
  g_assert_no_error (error);
  fedisim_server_add_user (f->old_server, "alice", "old-pw");
  fedisim_server_add_user (f->new_server, "bob", "new-pw");
  fedisim_server_seed_fixture (f->old_server, "alice", "small");
  f->trust = ferry_tls_database_new (fedisim_world_get_ca_file (f->world), &error);
  g_assert_no_error (error);
  f->tmpdir = g_dir_make_tmp ("ferry-watch-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->backup = g_build_filename (f->tmpdir, "backup", NULL);
  old_handle = g_strdup_printf ("alice@%s", fedisim_server_get_host (f->old_server));
  new_handle = g_strdup_printf ("bob@%s", fedisim_server_get_host (f->new_server));
  f->old_client = client_for (f, f->old_server, "alice");
  f->new_client = client_for (f, f->new_server, "bob");

  dir = g_file_new_for_path (f->backup);
  backup = ferry_backup_new (f->old_client, dir, FERRY_BACKUP_NO_POSTS);
  ferry_job_run_async (FERRY_JOB (backup), NULL, ferry_test_got_result, &result);
  g_assert_true (ferry_job_run_finish (FERRY_JOB (backup), ferry_test_wait_for (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  move = ferry_move_new (f->old_client, old_handle, f->new_client, new_handle, FERRY_MOVE_FORWARD);
  ferry_move_set_backup (move, f->backup);
  ferry_move_set_state_dir (move, f->tmpdir);
  ferry_move_set_transfer_skipped (move, TRUE);
  fedisim_server_reset_counts (f->old_server);
  ferry_move_refresh_async (move, NULL, ferry_test_got_result, &result);
  g_assert_true (ferry_move_refresh_finish (move, ferry_test_wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_true (ferry_move_checks_passed (move));
  /* The forecast read the followers: one page, as before they came as FerryAccounts. */
  g_assert_cmpuint (fedisim_server_request_count (f->old_server,
                                                  "GET /api/v1/accounts/:id/followers"), ==, 1);
  return move;
}

static void
teardown (Fixture *f)
{
  ferry_test_remove_tree (f->tmpdir);
  g_free (f->tmpdir);
  g_free (f->backup);
  g_clear_object (&f->old_client);
  g_clear_object (&f->new_client);
  g_clear_object (&f->trust);
  g_clear_pointer (&f->world, fedisim_world_free);
}

static void
on_n_samples (FerryFollowerWatch *watch,
              GParamSpec         *pspec,
              Fixture            *f)
{
  f->notified++;
}

/* Iterates until @watch told of @n samples (kept on disk), for at most @seconds; returns
 * whether it did. */
static gboolean
wait_for_samples (Fixture *f,
                  guint    n,
                  double   seconds)
{
  gint64 until = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (f->notified < n && g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (10000);
  return f->notified >= n;
}

/* The one state file in the folder: its text, after checking it is 0600. */
static char *
state_file_text (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->tmpdir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json") && name[0] != '.')
      {
        g_autofree char *path = g_build_filename (f->tmpdir, name, NULL);
        char *text = NULL;
        GStatBuf st;

        g_assert_cmpint (g_stat (path, &st), ==, 0);
        g_assert_cmpint (st.st_mode & 0777, ==, 0600);
        g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
        return text;
      }
  g_assert_not_reached ();
}

static void
test_watch (void)
{
  Fixture fixture = { 0 }, *f = &fixture;
  g_autoptr(FerryMove) move = setup (f);
  g_autoptr(FerryFollowerWatch) watch = ferry_follower_watch_new (move, 1);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) stragglers = NULL;
  guint before;

  g_signal_connect (watch, "notify::n-samples", G_CALLBACK (on_n_samples), f);
  g_assert_cmpuint (ferry_follower_watch_get_n_samples (watch), ==, 0);
  ferry_job_run_async (FERRY_JOB (watch), NULL, ferry_test_got_result, &result);
  /* Between samples it waits, and says till when. */
  g_assert_cmpint (ferry_job_get_state (FERRY_JOB (watch)), ==, FERRY_JOB_STATE_WAITING);
  /* The next count is ahead, in real µs (as g_get_real_time()). */
  g_assert_cmpint (ferry_job_get_waiting_until (FERRY_JOB (watch)), >, g_get_real_time ());

  /* Asked twice at once: the second follows the first. */
  ferry_follower_watch_sample_now (watch);
  ferry_follower_watch_sample_now (watch);
  g_assert_true (wait_for_samples (f, 1, 0.9));
  g_assert_cmpuint (ferry_follower_watch_get_n_samples (watch), ==, 1);
  g_assert_cmpint (ferry_follower_watch_get_last_sampled (watch), >, 0);
  text = state_file_text (f);
  g_assert_nonnull (strstr (text, "\"samples\":[["));
  g_assert_true (wait_for_samples (f, 2, 0.9));

  /* Its own timer: more samples, without being asked. */
  g_assert_true (wait_for_samples (f, 3, 5));
  g_assert_cmpuint (f->notified, <=, ferry_follower_watch_get_n_samples (watch));
  while (g_main_context_iteration (NULL, FALSE));

  /* Paused: none; resumed: the one that was due. */
  ferry_job_pause (FERRY_JOB (watch));
  while (g_main_context_iteration (NULL, FALSE));
  before = f->notified;
  g_assert_false (wait_for_samples (f, before + 1, 2.5));
  ferry_job_resume (FERRY_JOB (watch));
  g_assert_true (wait_for_samples (f, before + 1, 0.9));

  /* The stragglers: each list once (followers of both, then the follow requests). */
  fedisim_server_reset_counts (f->old_server);
  fedisim_server_reset_counts (f->new_server);
  ferry_move_stragglers_async (move, NULL, ferry_test_got_result, &result);
  stragglers = ferry_move_stragglers_finish (move, ferry_test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (stragglers);
  g_clear_object (&result);
  g_assert_cmpuint (fedisim_server_request_count (f->old_server,
                                                  "GET /api/v1/accounts/:id/followers"), ==, 1);
  g_assert_cmpuint (fedisim_server_request_count (f->new_server,
                                                  "GET /api/v1/accounts/:id/followers"), ==, 1);
  g_assert_cmpuint (fedisim_server_request_count (f->new_server,
                                                  "GET /api/v1/follow_requests"), ==, 1);

  /* Cancelled: it ends so, and takes no more. */
  ferry_job_cancel (FERRY_JOB (watch));
  g_assert_false (ferry_job_run_finish (FERRY_JOB (watch), ferry_test_wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (ferry_job_get_state (FERRY_JOB (watch)), ==, FERRY_JOB_STATE_CANCELLED);
  before = f->notified;
  g_assert_false (wait_for_samples (f, before + 1, 1.5));
  ferry_follower_watch_sample_now (watch);
  g_assert_false (wait_for_samples (f, before + 1, 0.5));

  teardown (f);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/follower-watch/samples", test_watch);

  return g_test_run ();
}
