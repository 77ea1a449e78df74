/* ferry-test-move-util.c: the two servers, the backup and the move that the move tests share
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ferry-backup.h"
#include "ferry-test-move-util.h"
#include "ferry-test-util.h"
#include "ferry-tls-database.h"

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

void
setup (Fixture        *f,
       FedisimFlavour  old_flavour,
       FedisimFlavour  new_flavour)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(FerryBackup) backup = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  f->world = fedisim_world_new (&error);
  g_assert_no_error (error);
  f->old_server = fedisim_world_add_server (f->world, old_flavour, NULL, &error);
  g_assert_no_error (error);
  f->new_server = fedisim_world_add_server (f->world, new_flavour, NULL, &error);
  g_assert_no_error (error);
  fedisim_server_add_user (f->old_server, "alice", "old-pw");
  fedisim_server_add_user (f->new_server, "bob", "new-pw");
  fedisim_server_seed_fixture (f->old_server, "alice", "small");
  f->trust = ferry_tls_database_new (fedisim_world_get_ca_file (f->world), &error);
  g_assert_no_error (error);
  f->tmpdir = g_dir_make_tmp ("ferry-move-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->backup = g_build_filename (f->tmpdir, "backup", NULL);
  f->old_handle = g_strdup_printf ("alice@%s", fedisim_server_get_host (f->old_server));
  f->new_handle = g_strdup_printf ("bob@%s", fedisim_server_get_host (f->new_server));
  f->old_client = client_for (f, f->old_server, "alice");
  f->new_client = client_for (f, f->new_server, "bob");
  f->browser = fedisim_browser_new (f->world);

  dir = g_file_new_for_path (f->backup);
  backup = ferry_backup_new (f->old_client, dir, FERRY_BACKUP_NO_POSTS);
  ferry_job_run_async (FERRY_JOB (backup), NULL, ferry_test_got_result, &result);
  g_assert_true (ferry_job_run_finish (FERRY_JOB (backup), ferry_test_wait_for (&result), &error));
  g_assert_no_error (error);
}

void
teardown (Fixture       *f,
          gconstpointer  data)
{
  ferry_test_remove_tree (f->tmpdir);
  g_free (f->tmpdir);
  g_free (f->backup);
  g_free (f->old_handle);
  g_free (f->new_handle);
  g_clear_object (&f->old_client);
  g_clear_object (&f->new_client);
  g_clear_object (&f->trust);
  g_clear_pointer (&f->browser, fedisim_browser_free);
  g_clear_pointer (&f->world, fedisim_world_free);
}

FerryMove *
new_move (Fixture            *f,
          FerryMoveDirection  direction)
{
  FerryMove *move = ferry_move_new (f->old_client, f->old_handle, f->new_client, f->new_handle, direction);

  ferry_move_set_backup (move, f->backup);
  ferry_move_set_state_dir (move, f->tmpdir);
  ferry_move_set_poll_interval (move, 20);
  return move;
}

void
refresh (FerryMove *move)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  ferry_move_refresh_async (move, NULL, ferry_test_got_result, &result);
  g_assert_true (ferry_move_refresh_finish (move, ferry_test_wait_for (&result), &error));
  g_assert_no_error (error);
}

/* Runs a step to its end; FALSE with @error when the server refused. */
gboolean
run_stage (FerryMove       *move,
           FerryMoveStage   stage,
           const char      *password,
           GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ferry_move_run_stage_async (move, stage, password, NULL, ferry_test_got_result, &result);
  return ferry_move_run_stage_finish (move, ferry_test_wait_for (&result), error);
}

static const FerryMoveCheck *
lookup_check (FerryMove  *move,
              const char *id)
{
  GPtrArray *checks = ferry_move_get_checks (move);

  for (guint i = 0; i < checks->len; i++)
    {
      const FerryMoveCheck *check = g_ptr_array_index (checks, i);

      if (g_str_equal (check->id, id))
        return check;
    }
  return NULL;
}

gboolean
has_check (FerryMove  *move,
           const char *id)
{
  return lookup_check (move, id) != NULL;
}

const FerryMoveCheck *
find_check (FerryMove  *move,
            const char *id)
{
  const FerryMoveCheck *check = lookup_check (move, id);

  if (check == NULL)
    g_error ("no check %s", id);
  return check;
}
