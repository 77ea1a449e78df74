/* ferry-test-backup-util.c: the server, the backup and its files that the backup tests share
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ferry-backup-category.h"
#include "ferry-test-backup-util.h"
#include "ferry-test-util.h"
#include "ferry-tls-database.h"

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

void
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

void
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
gboolean
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

  ferry_job_run_async (FERRY_JOB (backup), cancellable, ferry_test_got_result, &result);
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
  return ferry_job_run_finish (FERRY_JOB (backup), result, error);
}

char *
read_file (Fixture    *f,
           const char *subdir,
           const char *name)
{
  g_autofree char *path = g_build_filename (f->tmpdir, subdir, name, NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

JsonObject *
read_manifest (Fixture    *f,
               const char *subdir)
{
  g_autofree char *text = read_file (f, subdir, "manifest.json");
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

gint64
category_count (JsonObject *manifest,
                const char *name)
{
  JsonObject *category = json_object_get_object_member (json_object_get_object_member (manifest, "categories"), name);

  g_assert_nonnull (category);
  return json_object_get_int_member (category, "count");
}

const char *
category_state (JsonObject *manifest,
                const char *name)
{
  return json_object_get_string_member (json_object_get_object_member (json_object_get_object_member (manifest, "categories"), name), "state");
}
